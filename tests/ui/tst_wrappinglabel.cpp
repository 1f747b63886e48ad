// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// WrappingLabel: the heights it remembers are QLabel's, and they follow a new text, font,
// margin or wrapping however the label is changed.
#include "widgets/wrappinglabel.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Apinator::Ui::WrappingLabel;

class TestWrappingLabel final : public QObject
{
    Q_OBJECT

private:
    static QString longText()
    {
        return u"Test connection lists the app's channels with these credentials: it proves the address, "
               "the app id, the key and the secret together."_s;
    }

    // A plain QLabel set up like the WrappingLabel: the reference.
    static int referenceHeight(const QLabel &like, int width)
    {
        QLabel reference(like.text());
        reference.setWordWrap(like.wordWrap());
        reference.setFont(like.font());
        reference.setMargin(like.margin());
        reference.setIndent(like.indent());
        reference.setContentsMargins(like.contentsMargins());
        return reference.heightForWidth(width);
    }

private Q_SLOTS:
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

    void heightForWidth_manyWidths()
    {
        // More widths than it remembers: older ones are asked again, still right.
        WrappingLabel label(longText());
        for (int round = 0; round < 2; ++round) {
            for (int width = 100; width <= 1000; width += 50)
                QCOMPARE(label.heightForWidth(width), referenceHeight(label, width));
        }
    }
};

QTEST_MAIN(TestWrappingLabel)
#include "tst_wrappinglabel.moc"
