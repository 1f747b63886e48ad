# SPDX-FileCopyrightText: Apinator Console contributors
# SPDX-License-Identifier: MIT
# CPack: `cpack -G DEB` makes apinator-console (the programs, Runtime component) and
# libapinatorcore-dev (headers, static library, CMake and pkg-config files, Development
# component); `cpack -G TGZ` one archive with both.
#
# Debian dependencies are computed, never typed: dpkg-shlibdeps reads the programs' ELF
# needs, and what the programs load at run time without a DT_NEEDED entry (libcurl with
# APINATOR_CURL_DLOPEN, libsecret through QtKeychain, Qt's SQLite and SVG plugins) is
# mapped to its package by asking dpkg which package owns the library file.

# The package that owns file (after symlinks), or "" when dpkg does not know it.
function(apinator_deb_package_of out file)
    set(${out} "" PARENT_SCOPE)
    if(NOT file OR NOT EXISTS "${file}")
        return()
    endif()
    file(REAL_PATH "${file}" real)
    # With merged /usr, dpkg may have registered the file under /lib rather than /usr/lib.
    set(candidates "${real}")
    if(real MATCHES "^/usr(/.*)$")
        list(APPEND candidates "${CMAKE_MATCH_1}")
    endif()
    foreach(candidate IN LISTS candidates)
        execute_process(COMMAND dpkg-query -S "${candidate}"
            OUTPUT_VARIABLE owners RESULT_VARIABLE status ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
        # "libcurl4:amd64: /usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0"
        if(status EQUAL 0 AND owners MATCHES "^([^:, ]+)")
            set(${out} "${CMAKE_MATCH_1}" PARENT_SCOPE)
            return()
        endif()
    endforeach()
endfunction()

# Appends to list_var the packages owning each existing file; warns about the others.
function(apinator_deb_depends list_var what)
    set(packages ${${list_var}})
    foreach(file IN LISTS ARGN)
        if(file STREQUAL "")
            continue() # not found: said where it was looked for
        endif()
        apinator_deb_package_of(package "${file}")
        if(package)
            list(APPEND packages ${package})
        else()
            message(WARNING "No Debian package owns '${file}' (${what}): the .deb will not depend on it")
        endif()
    endforeach()
    list(REMOVE_DUPLICATES packages)
    set(${list_var} ${packages} PARENT_SCOPE)
endfunction()

# The file an imported Qt target stands for (plugins have no DT_NEEDED entry in our programs).
function(apinator_imported_location out target)
    set(${out} "" PARENT_SCOPE)
    if(TARGET ${target})
        get_target_property(location ${target} LOCATION)
        if(location)
            set(${out} "${location}" PARENT_SCOPE)
        endif()
    endif()
endfunction()

# The config file a find_package() read: its owner is the -dev package that provides it.
function(apinator_config_file out package)
    set(${out} "" PARENT_SCOPE)
    if(${package}_CONFIG)
        set(${out} "${${package}_CONFIG}" PARENT_SCOPE)
    elseif(${package}_DIR)
        file(GLOB found "${${package}_DIR}/*Config.cmake")
        list(GET found 0 first)
        set(${out} "${first}" PARENT_SCOPE)
    endif()
endfunction()

find_program(APINATOR_DPKG_QUERY dpkg-query)
set(APINATOR_RUNTIME_DEPENDS "")
set(APINATOR_DEV_DEPENDS "")
if(APINATOR_DPKG_QUERY)
    # Loaded with dlopen(): libcurl.so.4 (core/api/curlruntime.cpp), libcrypto.so.3
    # (core/crypto/cryptoruntime.cpp) and libsecret-1.so.0
    # (QtKeychain's Secret Service backend).
    set(runtime_files "")
    if(APINATOR_CURL_DLOPEN)
        find_library(APINATOR_LIBCURL_RUNTIME NAMES libcurl.so.4)
        list(APPEND runtime_files "${APINATOR_LIBCURL_RUNTIME}")
    endif()
    if(APINATOR_CRYPTO_DLOPEN)
        # core/crypto/cryptoruntime.cpp loads it on the first hash.
        find_library(APINATOR_LIBCRYPTO_RUNTIME NAMES libcrypto.so.3)
        list(APPEND runtime_files "${APINATOR_LIBCRYPTO_RUNTIME}")
    endif()
    find_library(APINATOR_LIBSECRET_RUNTIME NAMES libsecret-1.so.0)
    list(APPEND runtime_files "${APINATOR_LIBSECRET_RUNTIME}")
    # Qt plugins: history.sqlite needs the SQLite driver, the icons the SVG icon engine.
    # A shared Qt does not import its plugin targets by itself: ask for them by name.
    foreach(plugin QSQLiteDriverPlugin:Qt6Sql QSvgIconPlugin:Qt6Gui QSvgPlugin:Qt6Gui)
        string(REPLACE ":" ";" plugin "${plugin}")
        list(GET plugin 0 name)
        list(GET plugin 1 module)
        find_package(Qt6${name} CONFIG QUIET PATHS "${${module}_DIR}" NO_DEFAULT_PATH)
        apinator_imported_location(location Qt6::${name})
        if(NOT location)
            message(WARNING "Qt's ${name} was not found: the .deb will not depend on its package")
        endif()
        list(APPEND runtime_files "${location}")
    endforeach()
    apinator_deb_depends(APINATOR_RUNTIME_DEPENDS "loaded at run time" ${runtime_files})

    # The -dev package: whatever provides the packages ApinatorCoreConfig.cmake finds.
    set(dev_files "")
    foreach(package Qt6Core Qt6Network Qt6WebSockets Qt6Sql Qt6Keychain)
        apinator_config_file(config ${package})
        list(APPEND dev_files "${config}")
    endforeach()
    list(APPEND dev_files "${OPENSSL_INCLUDE_DIR}/openssl/evp.h")
    if(APINATOR_CURL_DLOPEN)
        list(APPEND dev_files "${APINATOR_LIBCURL_RUNTIME}")
    else()
        list(APPEND dev_files "${CURL_INCLUDE_DIRS}/curl/curl.h")
    endif()
    apinator_deb_depends(APINATOR_DEV_DEPENDS "needed to link the core" ${dev_files})
else()
    message(STATUS "dpkg-query not found: the .deb will carry only dpkg-shlibdeps' dependencies")
endif()

set(CPACK_PACKAGE_NAME "apinator-console")
set(CPACK_PACKAGE_VENDOR "Apinator Console contributors")
set(CPACK_PACKAGE_CONTACT "Apinator Console contributors <apinator-console@users.noreply.github.com>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${APINATOR_HOMEPAGE}")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL Runtime Development)
set(CPACK_COMPONENT_RUNTIME_DISPLAY_NAME "Apinator Console and apinatorctl")
set(CPACK_COMPONENT_DEVELOPMENT_DISPLAY_NAME "ApinatorCore C++ library")

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${APINATOR_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME apinator-console)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
list(JOIN APINATOR_RUNTIME_DEPENDS ", " CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS)
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION "Developer console for Apinator realtime apps
Apinator Console sends test events and watches them arrive, computes and inspects
channel auth signatures, explains why a webhook handler rejects a signature and keeps
the credentials of every app in the system keyring. It ships apinatorctl, a
command-line tool on the same core, and a local sandbox server.")

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libapinatorcore-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
list(JOIN APINATOR_DEV_DEPENDS ", " CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS)
set(CPACK_DEBIAN_DEVELOPMENT_DESCRIPTION "Apinator C++ library (static) and its CMake package
ApinatorCore signs Apinator REST requests, computes and verifies channel auth and
webhook signatures, triggers events over libcurl, and runs a local sandbox server.
find_package(ApinatorCore) gives the target Apinator::Core; pkg-config: apinatorcore.")

# Each deb's description above starts with its own summary line; CPackDeb would put the
# project's summary before it (CPackProjectConfig.cmake stops that for DEB only).
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_SOURCE_DIR}/CPackProjectConfig.cmake)
include(CPack)
