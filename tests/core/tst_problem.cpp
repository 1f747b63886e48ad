// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/problem.h>

#include <QJsonDocument>
#include <QTest>

using namespace Apinator;
using namespace Qt::StringLiterals;

class TestProblem final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void errorKind_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addRow("200") << 200 << ErrorKind::None;
        QTest::addRow("204") << 204 << ErrorKind::None;
        QTest::addRow("401") << 401 << ErrorKind::Authentication;
        QTest::addRow("403") << 403 << ErrorKind::Authentication;
        QTest::addRow("400") << 400 << ErrorKind::Validation;
        QTest::addRow("422") << 422 << ErrorKind::Validation;
        QTest::addRow("404") << 404 << ErrorKind::Api;
        QTest::addRow("413") << 413 << ErrorKind::Api;
        QTest::addRow("500") << 500 << ErrorKind::Api;
        QTest::addRow("302") << 302 << ErrorKind::Api;
        QTest::addRow("0") << 0 << ErrorKind::Network;
    }
    void errorKind()
    {
        QFETCH(int, status);
        QFETCH(ErrorKind, kind);
        QCOMPARE(errorKindForStatus(status), kind);
    }

    void parse_problemDocument()
    {
        const auto p = parseProblem("{\"type\":\"https://docs.apinator.io/problems/unauthorized\",\"title\":\"Unauthorized\", \"status\":401,\"detail\":\"signature mismatch\",\"code\":\"unauthorized\",\"server_time\":1700000000}");
        QVERIFY(p);
        QCOMPARE(p->title, u"Unauthorized"_s);
        QCOMPARE(p->status, 401);
        QCOMPARE(p->detail, u"signature mismatch"_s);
        QCOMPARE(p->code, u"unauthorized"_s);
        QCOMPARE(p->document.value("server_time"_L1).toInteger(), 1700000000);
        QCOMPARE(problemMessage(p, 401), u"signature mismatch"_s);
    }

    void parse_rejectsWhatIsNotAProblem_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addRow("html") << "<html><body>Bad Gateway</body></html>"_ba;
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("plain-object") << "{\"channels\":[]}"_ba;
        QTest::addRow("broken-json") << "{\"title\":"_ba;
        QTest::addRow("array") << "[{\"title\":\"x\"}]"_ba;
    }
    void parse_rejectsWhatIsNotAProblem()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!parseProblem(body));
    }

    void message_fallsBackToTitleThenReason()
    {
        const auto titleOnly = parseProblem("{\"title\":\"Payload Too Large\",\"status\":413}");
        QCOMPARE(problemMessage(titleOnly, 413), u"Payload Too Large"_s);
        QCOMPARE(problemMessage(std::nullopt, 500), u"Internal Server Error"_s);
        QCOMPARE(problemMessage(std::nullopt, 502, u"Bad Gateway (proxy)"), u"Bad Gateway (proxy)"_s);
    }

    void toJson_roundTripsWithExtensions()
    {
        Problem p;
        p.type = u"https://docs.apinator.io/problems/unauthorized"_s;
        p.title = u"Unauthorized"_s;
        p.status = 401;
        p.detail = u"string to sign was \"1\\nPOST\""_s;
        p.code = u"unauthorized"_s;
        p.document.insert("skew_seconds"_L1, 42);
        const QByteArray json = p.toJson();
        QVERIFY2(json.startsWith("{\"type\":\"https://docs.apinator.io/problems/unauthorized\",\"title\":\"Unauthorized\",\"status\":401,"),
                 json.constData());
        const auto back = parseProblem(json);
        QVERIFY(back);
        QCOMPARE(back->detail, p.detail);
        QCOMPARE(back->document.value("skew_seconds"_L1).toInt(), 42);
    }
};

QTEST_GUILESS_MAIN(TestProblem)
#include "tst_problem.moc"
