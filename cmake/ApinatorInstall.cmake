# SPDX-FileCopyrightText: Apinator Console contributors
# SPDX-License-Identifier: MIT
# The core as an installed library: headers, the static library, a CMake package
# (find_package(ApinatorCore) -> Apinator::Core) and a pkg-config file, all in the
# Development component (the -dev package). The programs and desktop files are the
# Runtime component (CMAKE_INSTALL_DEFAULT_COMPONENT_NAME, set before add_subdirectory(app)).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# Where the project lives; the metainfo, the .deb and the .pc file point there.
set(APINATOR_HOMEPAGE "https://github.com/apinator-console/apinator-console")
set(APINATOR_CMAKE_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/ApinatorCore")

# Installed consumers see Apinator::Core with the headers under include/.
set_target_properties(ApinatorCore PROPERTIES EXPORT_NAME Core)
target_include_directories(ApinatorCore PUBLIC $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)

install(TARGETS ApinatorCore EXPORT ApinatorCoreTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Development)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/core/include/apinator
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT Development
    FILES_MATCHING PATTERN "*.h")
# A static library's PRIVATE links are still needed by whoever links it: the export
# carries them as $<LINK_ONLY:...>, and ApinatorCoreConfig.cmake finds their packages.
install(EXPORT ApinatorCoreTargets NAMESPACE Apinator::
    DESTINATION ${APINATOR_CMAKE_INSTALL_DIR} COMPONENT Development)

configure_package_config_file(${PROJECT_SOURCE_DIR}/packaging/ApinatorCoreConfig.cmake.in
    ${CMAKE_CURRENT_BINARY_DIR}/ApinatorCoreConfig.cmake
    INSTALL_DESTINATION ${APINATOR_CMAKE_INSTALL_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/ApinatorCoreConfigVersion.cmake
    VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/ApinatorCoreConfig.cmake
    ${CMAKE_CURRENT_BINARY_DIR}/ApinatorCoreConfigVersion.cmake
    DESTINATION ${APINATOR_CMAKE_INSTALL_DIR} COMPONENT Development)

# pkg-config: a static-only library, so what it links goes in Requires/Libs, not *.private
# (a plain `pkg-config --libs` must be enough to link).
if(APINATOR_CURL_DLOPEN)
    set(APINATOR_PC_CURL_REQUIRES "")
    set(APINATOR_PC_EXTRA_LIBS "${CMAKE_DL_LIBS}")
    list(TRANSFORM APINATOR_PC_EXTRA_LIBS PREPEND "-l")
else()
    set(APINATOR_PC_CURL_REQUIRES " libcurl")
    set(APINATOR_PC_EXTRA_LIBS "")
endif()
# The relative path from the .pc file's folder up to the prefix keeps it relocatable
# (a DESTDIR staging folder, a tarball unpacked anywhere).
file(RELATIVE_PATH APINATOR_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" APINATOR_PC_TO_PREFIX "${APINATOR_PC_TO_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/packaging/apinatorcore.pc.in
    ${CMAKE_CURRENT_BINARY_DIR}/apinatorcore.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/apinatorcore.pc
    DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT Development)
