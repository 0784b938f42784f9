# What `cmake --install` (and `make install PREFIX=...`) puts on a machine,
# and the Debian package made from the same files (`cpack -G DEB`):
#   bin/eqsite                                   the program, theme inside
#   share/man/man1/eqsite.1                      made from `eqsite --help` by help2man
#   share/bash-completion/completions/eqsite     commands and options for bash
include(GNUInstallDirs)

install(TARGETS eqsite RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/scripts/eqsite-completion.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME eqsite)

# help2man runs the freshly built program; without it (it is in
# scripts/install-deps) the man page is left out, with a message.
find_program(HELP2MAN help2man)
if(HELP2MAN)
  add_custom_command(
    OUTPUT ${CMAKE_BINARY_DIR}/eqsite.1
    COMMAND ${CMAKE_COMMAND} -DEQSITE=$<TARGET_FILE:eqsite> -DOUT=${CMAKE_BINARY_DIR}/eqsite-commands.h2m
            -P ${PROJECT_SOURCE_DIR}/cmake/ManInclude.cmake
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1
            --include=${CMAKE_BINARY_DIR}/eqsite-commands.h2m
            "--name=build accessible equality information websites for schools"
            --output=${CMAKE_BINARY_DIR}/eqsite.1 $<TARGET_FILE:eqsite>
    DEPENDS eqsite ${PROJECT_SOURCE_DIR}/cmake/ManInclude.cmake
    COMMENT "Man page from eqsite --help")
  add_custom_target(eqsite_man ALL DEPENDS ${CMAKE_BINARY_DIR}/eqsite.1)
  install(FILES ${CMAKE_BINARY_DIR}/eqsite.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "No man page: help2man is not installed (scripts/install-deps)")
endif()

# The .deb: its dependencies are read from the program's shared libraries
# by dpkg-shlibdeps (dpkg-dev), so they follow whatever Debian 12 links.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME eqsite)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "eqsite maintainers <eqsite@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Static site generator for schools' equality information and objectives")
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
