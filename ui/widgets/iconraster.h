// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QStringView>

// The icons drawn at build time (resources/tools/rastericons.cpp writes the table).
namespace Apinator::Ui::IconRaster {

struct Entry
{
    const char *name;          // the SVG's file name without .svg
    int side;                  // pixels, square
    bool mask;                 // coverage, one byte per pixel (a currentColor icon); else ARGB32 premultiplied
    const unsigned char *data;
};

extern const Entry entries[];
extern const int entryCount;

} // namespace Apinator::Ui::IconRaster
