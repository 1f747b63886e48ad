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
