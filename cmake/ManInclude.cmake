# Writes the man page's COMMANDS section from each command's own --help,
# for help2man --include. Run as: cmake -DEQSITE=... -DOUT=... -P ManInclude.cmake
set(text "[COMMANDS]\n")
foreach(command build serve check new import)
  execute_process(COMMAND ${EQSITE} ${command} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "eqsite ${command} --help failed")
  endif()
  string(REPLACE "\\" "\\\\" help "${help}")
  string(APPEND text ".SS eqsite ${command}\n.nf\n${help}\n.fi\n")
endforeach()
string(APPEND text "[SEE ALSO]\nThe README of the eqsite source, which has the site format reference.\n")
file(WRITE ${OUT} "${text}")
