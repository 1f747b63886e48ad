// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/credentials.h>

#include <QTest>

using namespace Apinator;
using namespace Qt::StringLiterals;

class TestCredentials final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void urls_fromClusterOrBaseUrl()
    {
        Credentials c{u"1"_s, u"app_key"_s, "s", {}, u"eu"_s, {}};
        QCOMPARE(c.restBaseUrl(), u"https://ws-eu.apinator.io"_s);
        QCOMPARE(c.websocketUrl(), u"wss://ws-eu.apinator.io/app/app_key?protocol=7&client=js&version=1.0.0"_s);
        c.baseUrl = u"http://127.0.0.1:6001/"_s; // wins over the cluster
        QCOMPARE(c.restBaseUrl(), u"http://127.0.0.1:6001"_s);
        QCOMPARE(c.websocketUrl(), u"ws://127.0.0.1:6001/app/app_key?protocol=7&client=js&version=1.0.0"_s);
    }

    void webhookSecret_fallsBackToSecret()
    {
        Credentials c;
        c.secret = "s";
        QCOMPARE(c.webhookSigningSecret(), "s"_ba);
        c.webhookSecret = "w";
        QCOMPARE(c.webhookSigningSecret(), "w"_ba);
    }

    void restError_namesTheField_data()
    {
        QTest::addColumn<QString>("appId");
        QTest::addColumn<QString>("cluster");
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QString>("errorContains");
        QTest::addRow("ok-cluster") << u"1"_s << u"eu"_s << QString() << QString();
        QTest::addRow("ok-url") << u"1"_s << QString() << u"https://example.test:8443"_s << QString();
        QTest::addRow("no-app-id") << QString() << u"eu"_s << QString() << u"app id"_s;
        QTest::addRow("url-without-scheme") << u"1"_s << QString() << u"127.0.0.1:6001"_s << u"has no scheme"_s;
        QTest::addRow("ftp-url") << u"1"_s << QString() << u"ftp://x"_s << u"http:// or https://"_s;
        QTest::addRow("url-with-query") << u"1"_s << QString() << u"http://x/?a=b"_s << u"query"_s;
        QTest::addRow("cluster-bad-char") << u"1"_s << u"EU_1"_s << QString() << u"contains 'E'"_s;
        QTest::addRow("nothing") << u"1"_s << QString() << QString() << u"neither a cluster nor a base URL"_s;
    }
    void restError_namesTheField()
    {
        QFETCH(QString, appId);
        QFETCH(QString, cluster);
        QFETCH(QString, baseUrl);
        QFETCH(QString, errorContains);
        const Credentials c{appId, u"k"_s, "s", {}, cluster, baseUrl};
        const QString error = c.restError();
        if (errorContains.isEmpty())
            QCOMPARE(error, QString());
        else
            QVERIFY2(error.contains(errorContains), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
