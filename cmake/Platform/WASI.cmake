# Platform description for CMAKE_SYSTEM_NAME=WASI (CMake 3.25 ships none); loaded through
# the CMAKE_MODULE_PATH that wasip2-toolchain.cmake sets.
set(WASI 1)
# Our C library's surface is POSIX (files, sockets, time, environment): projects' `if(UNIX)`
# branches pick the code paths that work; their alternatives are usually the Windows ones.
set(UNIX 1)

set(CMAKE_EXECUTABLE_SUFFIX ".wasm")
set(CMAKE_STATIC_LIBRARY_PREFIX "lib")
set(CMAKE_STATIC_LIBRARY_SUFFIX ".a")
set(CMAKE_FIND_LIBRARY_PREFIXES "lib")
set(CMAKE_FIND_LIBRARY_SUFFIXES ".a")
# A component is one statically linked module: there are no shared libraries to build or find.
set_property(GLOBAL PROPERTY TARGET_SUPPORTS_SHARED_LIBS FALSE)

set(CMAKE_SYSTEM_INCLUDE_PATH /include)
set(CMAKE_SYSTEM_LIBRARY_PATH /lib/wasm32-wasip2)
