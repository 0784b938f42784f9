# Compiles the default theme and the built-in statutory text into the binary,
# so `eqsite` runs from any folder without its source tree.
#
# embed_files(OUTPUT file.cpp ROOT dir FILES a b c) writes a C++ file that
# defines eqsite::embedded::files(): every file as {relative path, bytes}.
function(embed_files)
  cmake_parse_arguments(EMB "" "OUTPUT;ROOT" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${EMB_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${EMB_OUTPUT} -DROOT=${EMB_ROOT}
            "-DFILES=${EMB_FILES}" -P ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
    DEPENDS ${EMB_FILES} ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
    COMMENT "Embedding theme and built-in content"
    VERBATIM)
endfunction()
