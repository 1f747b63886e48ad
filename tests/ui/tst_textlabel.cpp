// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// TextLabel and WrappingLabel: the sizes they measure once and the heights they remember are
// QLabel's, and they follow a new text, font, margin or wrapping however the label is changed.
#include "widgets/textlabel.h"

#include <QLineEdit>
#include <QTest>

using namespace Qt::StringLiterals;
using Apinator::Ui::TextLabel;
using Apinator::Ui::WrappingLabel;

class TestTextLabel final : public QObject
{
    Q_OBJECT

private:
    static QString longText()
    {
        return u"Test connection lists the app's channels with these credentials: it proves the address, "
               "the app id, the key and the secret together."_s;
    }

    // A plain QLabel set up like the TextLabel: the reference.
    static void setUpLike(QLabel &reference, const QLabel &like)
    {
        reference.setTextFormat(like.textFormat());
        reference.setText(like.text());
        reference.setWordWrap(like.wordWrap());
        reference.setFont(like.font());
        reference.setMargin(like.margin());
        reference.setIndent(like.indent());
        reference.setFrameStyle(like.frameStyle());
        reference.setLineWidth(like.lineWidth());
        reference.setAlignment(like.alignment());
        reference.setContentsMargins(like.contentsMargins());
        reference.setMinimumSize(like.minimumSize());
        reference.setMaximumWidth(like.maximumWidth());
        reference.setTextInteractionFlags(like.textInteractionFlags());
        reference.setBuddy(like.buddy());
    }
    static int referenceHeight(const QLabel &like, int width)
    {
        QLabel reference;
        setUpLike(reference, like);
        return reference.heightForWidth(width);
    }
    static void setFont(QLabel &label, qreal scale, bool bold)
    {
        QFont font = label.font();
        font.setPointSizeF(font.pointSizeF() * scale);
        font.setBold(bold);
        label.setFont(font);
    }
    enum Unwrapped { Plain, Bold, Big, Margin, FrameIndent, Indent, Right, CenterBottom, Contents, Minimum, Rich,
                     Mnemonic, Selectable, Empty };

    // Every size a layout asks, against the reference's.
    static void compareWithQLabel(const TextLabel &label)
    {
        QLabel reference;
        setUpLike(reference, label);
        QCOMPARE(label.sizeHint(), reference.sizeHint());
        QCOMPARE(label.minimumSizeHint(), reference.minimumSizeHint());
        for (const int width : {0, 37, 120, 500, 2000})
            QCOMPARE(label.heightForWidth(width), reference.heightForWidth(width));
    }

private Q_SLOTS:
    void unwrapped_isQLabel_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("setup");
        const QString name = u"Webhook secret:"_s;
        QTest::newRow("plain") << name << int(Plain);
        QTest::newRow("two lines") << u"No profile yet.\nAdd one with the + button."_s << int(Plain);
        QTest::newRow("tab and return") << u"a\tb\rc"_s << int(Plain);
        QTest::newRow("bold") << name << int(Bold);
        QTest::newRow("larger") << u"Local sandbox"_s << int(Big);
        QTest::newRow("margin") << name << int(Margin);
        QTest::newRow("frame, no indent") << name << int(FrameIndent);
        QTest::newRow("indent") << name << int(Indent);
        QTest::newRow("right") << name << int(Right);
        QTest::newRow("centre, bottom") << u"No profile yet.\nAdd one with the + button."_s << int(CenterBottom);
        QTest::newRow("contents margins") << name << int(Contents);
        QTest::newRow("minimum size") << u"Key:"_s << int(Minimum);
        QTest::newRow("rich text: QLabel's") << u"<b>Key</b> and more"_s << int(Rich);
        QTest::newRow("mnemonic: QLabel's") << u"&Name:"_s << int(Mnemonic);
        QTest::newRow("selectable: QLabel's") << name << int(Selectable);
        QTest::newRow("empty: QLabel's") << QString() << int(Empty);
    }

    void unwrapped_isQLabel()
    {
        QFETCH(QString, text);
        QFETCH(int, setup);
        TextLabel label(text);
        QLineEdit buddy;
        switch (Unwrapped(setup)) {
        case Bold: setFont(label, 1.0, true); break;
        case Big: setFont(label, 1.4, true); break;
        case Margin: label.setMargin(7); break;
        case FrameIndent: label.setFrameStyle(QFrame::Box | QFrame::Plain); break;
        case Indent: label.setIndent(12); break;
        case Right: label.setAlignment(Qt::AlignRight | Qt::AlignVCenter); break;
        case CenterBottom: label.setAlignment(Qt::AlignHCenter | Qt::AlignBottom); break;
        case Contents: label.setContentsMargins(3, 4, 9, 2); break;
        case Minimum: label.setMinimumSize(150, 40); break;
        case Rich: label.setTextFormat(Qt::AutoText); break;
        case Mnemonic: label.setBuddy(&buddy); break;
        case Selectable: label.setTextInteractionFlags(Qt::TextSelectableByMouse); break;
        case Plain:
        case Empty: break;
        }
        QVERIFY(!label.wordWrap());
        compareWithQLabel(label);
    }

    void wrapped_isQLabel_atEveryWidth_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("setup");
        const QString note = u"Served by the console's built-in sandbox on 127.0.0.1:6001, running while the console "
                             "runs."_s;
        QTest::newRow("short") << u"Not tested yet"_s << 0;
        QTest::newRow("short, bold") << u"Not tested yet"_s << 1;
        QTest::newRow("note") << note << 0;
        QTest::newRow("long") << longText() << 0;
        QTest::newRow("paragraphs") << u"No profile yet.\nAdd one with the + button, or import a .env file."_s << 0;
        QTest::newRow("trailing spaces") << u"Optional: when empty, the secret is used.   "_s << 0;
        QTest::newRow("one long word") << u"https://api.eu.example.com/apps/123456/events?auth_key=local-key"_s << 0;
        QTest::newRow("right aligned") << note << 2;
        QTest::newRow("margin and indent") << note << 3;
        QTest::newRow("maximum width") << longText() << 4;
        QTest::newRow("minimum width") << note << 5;
        QTest::newRow("selectable: QLabel's, kept") << note << 6;
    }

    void wrapped_isQLabel_atEveryWidth()
    {
        QFETCH(QString, text);
        QFETCH(int, setup);
        WrappingLabel label(text);
        switch (setup) {
        case 1: setFont(label, 1.0, true); break;
        case 2: label.setAlignment(Qt::AlignRight | Qt::AlignTop); break;
        case 3:
            label.setMargin(5);
            label.setIndent(9);
            label.setAlignment(Qt::AlignLeft | Qt::AlignTop);
            break;
        case 4: label.setMaximumWidth(260); break;
        case 5: label.setMinimumWidth(180); break;
        case 6: label.setTextInteractionFlags(Qt::TextSelectableByMouse); break;
        default: break;
        }
        QLabel reference;
        setUpLike(reference, label);
        QCOMPARE(label.sizeHint(), reference.sizeHint());
        QCOMPARE(label.minimumSizeHint(), reference.minimumSizeHint());
        // Every width up to past the unwrapped text, where the short answer starts.
        const int last = QLabel(text).sizeHint().width() + 120;
        for (int width = 0; width <= last; ++width) {
            if (label.heightForWidth(width) != reference.heightForWidth(width))
                QFAIL(qPrintable(u"at %1 px: %2 against QLabel's %3"_s.arg(width)
                                     .arg(label.heightForWidth(width))
                                     .arg(reference.heightForWidth(width))));
        }
    }

    void unwrapped_followsChanges()
    {
        TextLabel label(u"Key:"_s);
        const QSize first = label.sizeHint();
        QLabel *plain = &label; // QLabel::setText is not virtual
        plain->setText(u"Webhook secret:"_s);
        QVERIFY(label.sizeHint().width() > first.width());
        compareWithQLabel(label);

        QFont bigger = label.font();
        bigger.setPointSizeF(bigger.pointSizeF() * 2);
        label.setFont(bigger);
        QVERIFY(label.sizeHint().height() > first.height());
        compareWithQLabel(label);

        label.setWordWrap(true); // now QLabel's answers, remembered per width
        compareWithQLabel(label);
        label.setWordWrap(false);
        label.setIndent(20);
        compareWithQLabel(label);
    }

    void heightForWidth_isQLabels_data()
    {
        QTest::addColumn<int>("width");
        for (const int width : {40, 120, 239, 323, 386, 800})
            QTest::addRow("%d px", width) << width;
    }

    void heightForWidth_isQLabels()
    {
        QFETCH(int, width);
        WrappingLabel label(longText());
        QVERIFY(label.wordWrap());
        const int expected = referenceHeight(label, width);
        QCOMPARE(label.heightForWidth(width), expected);
        QCOMPARE(label.heightForWidth(width), expected); // the remembered answer
    }

    void heightForWidth_followsChanges()
    {
        WrappingLabel label(longText());
        const int width = 200;
        const int first = label.heightForWidth(width);

        QLabel *plain = &label; // QLabel::setText is not virtual
        plain->setText(u"Short."_s);
        QCOMPARE(label.heightForWidth(width), referenceHeight(label, width));
        QVERIFY(label.heightForWidth(width) < first);

        plain->setText(longText());
        QCOMPARE(label.heightForWidth(width), first);

        QFont bigger = label.font();
        bigger.setPointSizeF(bigger.pointSizeF() * 2);
        label.setFont(bigger);
        QCOMPARE(label.heightForWidth(width), referenceHeight(label, width));
        QVERIFY(label.heightForWidth(width) > first);

        label.setFont(QFont());
        label.setMargin(30);
        QCOMPARE(label.heightForWidth(width), referenceHeight(label, width));
        QVERIFY(label.heightForWidth(width) > first);

        label.setMargin(0);
        label.setWordWrap(false);
        QCOMPARE(label.heightForWidth(width), referenceHeight(label, width));
    }

    void heightForWidth_negativeWidth_isQLabels()
    {
        // A width below the margins makes a negative line width: asked first, before any
        // answer is kept, it is laid out like any other.
        WrappingLabel label(longText());
        label.setMargin(20);
        QCOMPARE(label.heightForWidth(39), referenceHeight(label, 39));
        QCOMPARE(label.heightForWidth(-1), referenceHeight(label, -1));
        WrappingLabel selectable(longText());
        selectable.setTextInteractionFlags(Qt::TextSelectableByMouse);
        QCOMPARE(selectable.heightForWidth(-1), referenceHeight(selectable, -1));
    }

    void heightForWidth_manyWidths()
    {
        // More widths than it remembers: older ones are asked again, still right; for text
        // it measures itself and for QLabel's (selectable) alike.
        WrappingLabel label(longText());
        WrappingLabel selectable(longText());
        selectable.setTextInteractionFlags(Qt::TextSelectableByMouse);
        for (int round = 0; round < 2; ++round) {
            for (int width = 100; width <= 1000; width += 50) {
                QCOMPARE(label.heightForWidth(width), referenceHeight(label, width));
                QCOMPARE(selectable.heightForWidth(width), referenceHeight(selectable, width));
            }
        }
    }
};

QTEST_MAIN(TestTextLabel)
#include "tst_textlabel.moc"
