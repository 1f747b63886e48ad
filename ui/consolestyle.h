// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QProxyStyle>

namespace Apinator::Ui {

// The platform's style, minus the two built-in PNGs Fusion reads while the first frame is
// made: the menu bar's extension arrow (asked for in QMenuBar's constructor) and the
// group-box frame. Reading a PNG through QImageReader loads every image-format plugin
// (GIF, ICO, JPEG, SVG, and libjpeg with them): about 5 % of the console's start-up. The
// arrow comes from the console's SVG icons, the frame is drawn.
//
// The frame is a small nine-patch drawn once and stretched, as Fusion does with its PNG:
// drawing the rounded rectangle at the box's size started threads in the first frame (see
// drawNinePatch).
//
// The plain frame of list views, text edits and message bars is Fusion's one-pixel outline,
// which Fusion strokes with a non-cosmetic pen (QStroker, about 150 K instructions a frame):
// it is filled as four edges in the colour that pen leaves (drawPlainFrame), read once per
// window colour, the one colour Fusion's outline is made from.
//
// Line-edit frames and button panels are drawn by the base style too, but once per height
// and look, at a narrow width, then stretched sideways (drawStretched): Fusion strokes an
// antialiased rounded rectangle at each field's full width, and the first frame of the
// Profiles page paints a dozen of them.
class ConsoleStyle final : public QProxyStyle
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleStyle)
public:
    // baseKey: the style to wrap, by name (QStyle::name() of the one -style or the platform chose).
    explicit ConsoleStyle(const QString &baseKey)
        : QProxyStyle(baseKey)
    {
    }

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;

private:
    bool isFusion() const;
    // The base style's element for a copy of option (of its own type) moved to rect: the
    // samples and narrow patches below are drawn with it.
    void drawBaseAt(PrimitiveElement element, const QStyleOption *option, const QRect &rect, QPainter *painter,
                    const QWidget *widget) const;
    // Fills Fusion's PE_Frame outline; false (nothing drawn) where it cannot be sure of the
    // same pixels: another base style, a scaled, rotated or antialiased painter, a high-DPI
    // device, a textured window colour, or an outline that is not one opaque colour.
    bool drawPlainFrame(const QStyleOption *option, QPainter *painter, const QWidget *widget) const;
    // The colour of Fusion's outline for a window colour, read from an OutlineSample-pixel
    // square drawn by the base style; 0 when the drawing is not a clean one-colour outline.
    QRgb plainFrameColour(const QStyleOption *option, const QWidget *widget) const;
    static constexpr int OutlineSample = 8;
    // Window colour (RGBA) to outline colour; 0 for "let the base style draw".
    mutable QHash<QRgb, QRgb> m_outlineColours;

    // The group-box frame's nine-patch: corners of FrameCorner pixels and a two-pixel middle,
    // cached in QPixmapCache per palette lightness and device pixel ratio.
    static constexpr int FrameCorner = 4;
    static QPixmap groupBoxFramePatch(bool dark, qreal devicePixelRatio);
    // Draws a patch of that shape over target: corners as they are, edges and middle stretched.
    static void drawNinePatch(QPainter *painter, const QRect &target, const QPixmap &patch);

    // Columns kept as drawn at each end of a stretched primitive: Fusion's rounded corners,
    // inner lines and the line edit's shadow all end within them; between them every column
    // is the same, the gradients run top to bottom.
    static constexpr int StretchEdge = 6;
    // Whether element is one drawStretched reproduces, and the option and painter allow it.
    bool canStretch(PrimitiveElement element, const QStyleOption *option, const QPainter *painter) const;
    // The base style's element drawn at 2 * StretchEdge + 2 pixels wide (cached), its two
    // middle columns stretched over the option's width.
    void drawStretched(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const;
};

} // namespace Apinator::Ui
