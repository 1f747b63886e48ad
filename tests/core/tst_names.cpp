// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/names.h>

#include <QTest>

using namespace Apinator;
using namespace Qt::StringLiterals;

class TestNames final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void channelName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("errorContains"); // empty: valid
        QTest::addRow("simple") << u"chat"_s << QString();
        QTest::addRow("all-allowed") << u"private-Aa0-_.z"_s << QString();
        QTest::addRow("max-length") << QString(200, u'a') << QString();
        QTest::addRow("empty") << QString() << u"empty"_s;
        QTest::addRow("too-long") << QString(201, u'a') << u"201 characters; the limit is 200"_s;
        QTest::addRow("space") << u"my chat"_s << u"a space at position 3"_s;
        QTest::addRow("colon") << u"a:b"_s << u"':' at position 2"_s;
        QTest::addRow("non-ascii") << u"caf\u00e9"_s << u"at position 4"_s;
        QTest::addRow("tab") << u"a\tb"_s << u"whitespace"_s;
    }
    void channelName()
    {
        QFETCH(QString, name);
        QFETCH(QString, errorContains);
        const QString error = Names::channelNameError(name);
        if (errorContains.isEmpty()) {
            QCOMPARE(error, QString());
            QVERIFY(Names::isValidChannelName(name));
        } else {
            QVERIFY2(error.contains(errorContains), qPrintable(error));
            QVERIFY(!Names::isValidChannelName(name));
        }
    }

    void channelType_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<ChannelType>("type");
        QTest::addRow("public") << u"chat"_s << ChannelType::Public;
        QTest::addRow("private") << u"private-orders"_s << ChannelType::Private;
        QTest::addRow("presence") << u"presence-room"_s << ChannelType::Presence;
        QTest::addRow("private-without-dash") << u"privateorders"_s << ChannelType::Public;
        QTest::addRow("case-matters") << u"Private-x"_s << ChannelType::Public;
    }
    void channelType()
    {
        QFETCH(QString, name);
        QFETCH(ChannelType, type);
        QCOMPARE(Names::channelType(name), type);
    }

    void socketId_data()
    {
        QTest::addColumn<QString>("socketId");
        QTest::addColumn<bool>("valid");
        QTest::addRow("typical") << u"1234.5678"_s << true;
        QTest::addRow("short") << u"1.2"_s << true;
        QTest::addRow("no-dot") << u"12345678"_s << false;
        QTest::addRow("two-dots") << u"1.2.3"_s << false;
        QTest::addRow("letters") << u"12a.34"_s << false;
        QTest::addRow("empty-half") << u"1234."_s << false;
        QTest::addRow("empty") << QString() << false;
        QTest::addRow("spaces") << u" 1.2"_s << false;
        QTest::addRow("arabic-digits") << u"\u0661.\u0662"_s << false;
    }
    void socketId()
    {
        QFETCH(QString, socketId);
        QFETCH(bool, valid);
        QCOMPARE(Names::isValidSocketId(socketId), valid);
        QCOMPARE(Names::socketIdError(socketId).isEmpty(), valid);
    }

    void eventNames()
    {
        QVERIFY(Names::eventNameError(u"new-message"_s).isEmpty());
        QVERIFY(Names::eventNameError(QString()).contains(u"empty"_s));
        QVERIFY(Names::isClientEvent(u"client-typing"_s));
        QVERIFY(!Names::isClientEvent(u"typing-client-"_s));
    }
};

QTEST_GUILESS_MAIN(TestNames)
#include "tst_names.moc"
