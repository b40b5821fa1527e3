# Locate libclang (C API) of LLVM 17..22, newest first.
# Sets LibClang_FOUND, LibClang_VERSION and the imported target LibClang::LibClang.
set(_asepsis_llvm_versions 22 21 20 19 18 17)
set(_hints)
foreach(v ${_asepsis_llvm_versions})
  list(APPEND _hints /usr/lib/llvm-${v})
endforeach()
if(LIBCLANG_ROOT)
  list(PREPEND _hints ${LIBCLANG_ROOT})
endif()

find_path(LibClang_INCLUDE_DIR clang-c/Index.h
  HINTS ${_hints} PATH_SUFFIXES include NO_DEFAULT_PATH)
if(LibClang_INCLUDE_DIR)
  get_filename_component(_root ${LibClang_INCLUDE_DIR} DIRECTORY)
  find_library(LibClang_LIBRARY NAMES clang libclang
    HINTS ${_root}/lib NO_DEFAULT_PATH)
  string(REGEX MATCH "llvm-([0-9]+)" _m "${_root}")
  set(LibClang_VERSION "${CMAKE_MATCH_1}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibClang
  REQUIRED_VARS LibClang_LIBRARY LibClang_INCLUDE_DIR
  VERSION_VAR LibClang_VERSION)

if(LibClang_FOUND AND NOT TARGET LibClang::LibClang)
  add_library(LibClang::LibClang UNKNOWN IMPORTED)
  set_target_properties(LibClang::LibClang PROPERTIES
    IMPORTED_LOCATION "${LibClang_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LibClang_INCLUDE_DIR}")
  get_filename_component(LibClang_RESOURCE_PARENT "${LibClang_LIBRARY}" DIRECTORY)
endif()
mark_as_advanced(LibClang_INCLUDE_DIR LibClang_LIBRARY)
