# CMake toolchain file: cross-build C and C++ projects into WASI 0.2 components with wasip2-libc.
#
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=<prefix>/share/cmake/wasip2-toolchain.cmake
#   cmake --build build && (cd build && ctest)
#
# Executables come out as NAME.wasm (components); ctest and add_custom_command run them through
# CMAKE_CROSSCOMPILING_EMULATOR = wasip2-run.  A test that needs files passes its own runner
# flags, e.g. add_test(NAME t COMMAND wasip2-run --dir ${CMAKE_BINARY_DIR}::/data $<TARGET_FILE:t>)
# (when COMMAND is not a target, CMake does not prepend the emulator).
#
# Optional cache/environment overrides: WASIP2_SYSROOT, WASIP2_BIN (where wasm-component-ld and
# wasip2-run are), WASIP2_CLANG / WASIP2_CLANGXX (default clang-22 / clang++-22).
cmake_minimum_required(VERSION 3.13)

set(CMAKE_SYSTEM_NAME WASI)      # described by Platform/WASI.cmake next to this file
set(CMAKE_SYSTEM_VERSION 2)
set(CMAKE_SYSTEM_PROCESSOR wasm32)
list(APPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}")

# try_compile() re-reads this file in a scratch project: forward the user's overrides to it.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES WASIP2_SYSROOT WASIP2_BIN WASIP2_CLANG WASIP2_CLANGXX)

foreach(_v WASIP2_SYSROOT WASIP2_BIN WASIP2_CLANG WASIP2_CLANGXX)
  if(NOT ${_v} AND DEFINED ENV{${_v}})
    set(${_v} "$ENV{${_v}}")
  endif()
endforeach()

# This file is copied to three places; each knows its sysroot and bin/ by relative position:
#   build/share/cmake/             -> build/sysroot, build/bin
#   <sysroot>/share/cmake/         -> <sysroot>, <sysroot>/../bin (build tree) or
#                                     <prefix>/bin for <prefix>/share/wasip2-libc/sysroot
#   <prefix>/share/cmake/          -> <prefix>/share/wasip2-libc/sysroot, <prefix>/bin
set(_here "${CMAKE_CURRENT_LIST_DIR}")
if(NOT WASIP2_SYSROOT)
  foreach(_cand "${_here}/../.." "${_here}/../../sysroot" "${_here}/../wasip2-libc/sysroot")
    get_filename_component(_cand "${_cand}" ABSOLUTE)
    if(EXISTS "${_cand}/lib/wasm32-wasip2/libc.a")
      set(WASIP2_SYSROOT "${_cand}")
      break()
    endif()
  endforeach()
endif()
if(NOT WASIP2_SYSROOT)
  message(FATAL_ERROR "wasip2-toolchain: no sysroot found near ${_here} (build it with `make sysroot`, or pass -DWASIP2_SYSROOT=...)")
endif()
if(NOT WASIP2_BIN)
  foreach(_cand "${WASIP2_SYSROOT}/../bin" "${WASIP2_SYSROOT}/../../../bin" "${_here}/../../bin")
    get_filename_component(_cand "${_cand}" ABSOLUTE)
    if(EXISTS "${_cand}/wasm-component-ld" AND EXISTS "${_cand}/wasip2-run")
      set(WASIP2_BIN "${_cand}")
      break()
    endif()
  endforeach()
endif()
if(NOT WASIP2_BIN)
  message(FATAL_ERROR "wasip2-toolchain: wasm-component-ld and wasip2-run not found near ${WASIP2_SYSROOT} (pass -DWASIP2_BIN=...)")
endif()
if(NOT WASIP2_CLANG)
  set(WASIP2_CLANG clang-22)
endif()
if(NOT WASIP2_CLANGXX)
  set(WASIP2_CLANGXX clang++-22)
endif()

# find_package(PkgConfig) / pkg_check_modules see the sysroot's .pc files only, not the
# build machine's (mk/pkg-config-wrapper.sh).
if(EXISTS "${WASIP2_BIN}/wasm32-wasip2-pkg-config")
  set(PKG_CONFIG_EXECUTABLE "${WASIP2_BIN}/wasm32-wasip2-pkg-config" CACHE FILEPATH "pkg-config for wasm32-wasip2")
endif()
set(ENV{PKG_CONFIG_LIBDIR} "${WASIP2_SYSROOT}/lib/wasm32-wasip2/pkgconfig:${WASIP2_SYSROOT}/lib/pkgconfig:${WASIP2_SYSROOT}/share/pkgconfig")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "${WASIP2_SYSROOT}")
set(CMAKE_C_COMPILER "${WASIP2_CLANG}")
set(CMAKE_CXX_COMPILER "${WASIP2_CLANGXX}")
set(CMAKE_C_COMPILER_TARGET wasm32-wasip2)
set(CMAKE_CXX_COMPILER_TARGET wasm32-wasip2)
set(CMAKE_ASM_COMPILER_TARGET wasm32-wasip2)
set(CMAKE_SYSROOT "${WASIP2_SYSROOT}")
find_program(CMAKE_AR NAMES llvm-ar-22 llvm-ar)
find_program(CMAKE_RANLIB NAMES llvm-ranlib-22 llvm-ranlib)

# clang --target=wasm32-wasip2 links through a program named wasm-component-ld, looked up in
# -B directories before PATH: -B lets a build work without the user editing PATH.  It is a
# link option of the top directory (inherited by every target, and by try_compile projects,
# which read this file again), not part of CMAKE_EXE_LINKER_FLAGS: a user who sets that
# (-DCMAKE_EXE_LINKER_FLAGS=..., a preset, the LDFLAGS environment variable) replaces its
# initial value, and clang then found no wasm-component-ld.
add_link_options("-B${WASIP2_BIN}")
# setjmp/longjmp without flags: clang lowers them to wasm exception handling, standard
# encoding (the options of mk/clang-cfg.sh, which an installed clang reads from its own
# directory; given here too for a clang that has no such file). SHELL: keeps each -mllvm with
# its argument (CMake de-duplicates compile options one word at a time).
add_compile_options("SHELL:-mllvm -wasm-enable-sjlj" "SHELL:-mllvm -wasm-use-legacy-eh=false")
# Debian's libc++abi for wasm is built without the exception runtime (no __cxa_throw): C++
# code must be compiled with exceptions off, or every `throw` is an undefined symbol at link.
set(CMAKE_CXX_FLAGS_INIT "-fno-exceptions")

set(CMAKE_CROSSCOMPILING_EMULATOR "${WASIP2_BIN}/wasip2-run")

# Headers and libraries come from the sysroot only; build tools from the host.
set(CMAKE_FIND_ROOT_PATH "${WASIP2_SYSROOT}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# find_package(Threads): libc.a alone links pthread_create (the single-threaded one, which
# fails with EAGAIN), so FindThreads would settle for "threads are in libc" or -lpthread and
# never pass -pthread, the flag that gives cooperative threads that really run (see
# docs/compatibility.md, "Threads"). Answering those two checks "no" makes it use -pthread.
set(CMAKE_HAVE_LIBC_PTHREAD FALSE CACHE INTERNAL "wasip2: threads need -pthread")
set(CMAKE_HAVE_PTHREADS_CREATE FALSE CACHE INTERNAL "wasip2: threads need -pthread")
set(CMAKE_HAVE_PTHREAD_CREATE FALSE CACHE INTERNAL "wasip2: threads need -pthread")
