// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// Build-time tool: draws the console's SVG icons at the sizes the window asks for most
// and writes them as C++ arrays, so a start draws no SVG for them (ui/widgets/icons.cpp).
// An icon coloured with currentColor is kept as its coverage (one byte per pixel) and
// tinted with the palette's colour at run time; any other as premultiplied ARGB32.
//   apinator_raster_icons OUT.cpp SIZES SVG...     SIZES: comma-separated, e.g. 16,24,32,48
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QByteArray bytesOf(const QImage &image, bool mask)
{
    QByteArray out;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        if (mask) {
            for (int x = 0; x < image.width(); ++x)
                out += char(qAlpha(line[x]));
        } else {
            out.append(reinterpret_cast<const char *>(line), image.width() * 4);
        }
    }
    return out;
}

QByteArray asArray(const QByteArray &bytes)
{
    QByteArray text;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        text += QByteArray::number(quint8(bytes[i]));
        text += (i % 24 == 23) ? ",\n" : ",";
    }
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 4) {
        std::fprintf(stderr, "usage: %s OUT.cpp SIZES SVG...\n", argv[0]);
        return 2;
    }
    QList<int> sizes;
    for (const QByteArray &s : QByteArray(argv[2]).split(',')) {
        bool ok = false;
        const int size = s.toInt(&ok);
        if (!ok || size < 1 || size > 256) {
            std::fprintf(stderr, "%s: not a size from 1 to 256\n", s.constData());
            return 2;
        }
        sizes << size;
    }
    QByteArray arrays;
    QByteArray entries;
    int n = 0;
    for (int i = 3; i < argc; ++i) {
        QFile file(QString::fromLocal8Bit(argv[i]));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "%s: %s\n", argv[i], qPrintable(file.errorString()));
            return 1;
        }
        QByteArray svg = file.readAll();
        const bool mask = svg.contains("currentColor");
        svg.replace("currentColor", "#000000");
        QSvgRenderer renderer(svg);
        if (!renderer.isValid()) {
            std::fprintf(stderr, "%s: not a valid SVG file\n", argv[i]);
            return 1;
        }
        const QByteArray name = QFileInfo(file.fileName()).completeBaseName().toUtf8();
        for (int side : sizes) {
            // As icons.cpp draws an SVG: a transparent premultiplied image, the whole square.
            QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            {
                QPainter painter(&image);
                renderer.render(&painter, QRectF(0, 0, side, side));
            }
            arrays += "alignas(4) const unsigned char d" + QByteArray::number(n) + "[] = {\n"
                + asArray(bytesOf(image, mask)) + "};\n";
            entries += "    {\"" + name + "\", " + QByteArray::number(side) + ", " + (mask ? "true" : "false") + ", d"
                + QByteArray::number(n) + "},\n";
            ++n;
        }
    }
    QSaveFile out(QString::fromLocal8Bit(argv[1]));
    if (!out.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "%s: %s\n", argv[1], qPrintable(out.errorString()));
        return 1;
    }
    out.write("// Generated at build time by apinator_raster_icons (resources/tools/rastericons.cpp).\n"
              "#include \"widgets/iconraster.h\"\n\nnamespace Apinator::Ui::IconRaster {\n\nnamespace {\n");
    out.write(arrays);
    out.write("} // namespace\n\nconst Entry entries[] = {\n" + entries + "};\nconst int entryCount = "
              + QByteArray::number(n) + ";\n\n} // namespace Apinator::Ui::IconRaster\n");
    return out.commit() ? 0 : 1;
}
