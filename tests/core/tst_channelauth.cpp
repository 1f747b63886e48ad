// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/channelauth.h>
#include <apinator/json.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "testdata.h"

using namespace Apinator;
using namespace Qt::StringLiterals;

namespace {
const QByteArray AliceData = R"({"user_id":"u-1","user_info":{"name":"Alice"}})"_ba;

QStringList codes(const CauseList &causes)
{
    QStringList out;
    for (const Cause &c : causes)
        out << c.code;
    return out;
}
} // namespace

class TestChannelAuth final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void conformanceVectors_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QByteArray>("socketId");
        QTest::addColumn<QByteArray>("channel");
        QTest::addColumn<bool>("hasData");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<QByteArray>("auth");
        for (const QJsonValue &v : TestData::conformanceCases(u"channel-auth.v1.json"_s)) {
            const QJsonObject c = v.toObject();
            QTest::addRow("%s", qPrintable(c.value("name"_L1).toString()))
                << c.value("key"_L1).toString().toUtf8() << c.value("secret"_L1).toString().toUtf8()
                << c.value("socket_id"_L1).toString().toUtf8() << c.value("channel_name"_L1).toString().toUtf8()
                << c.contains("channel_data"_L1) << c.value("channel_data"_L1).toString().toUtf8()
                << c.value("expected_signature"_L1).toString().toUtf8()
                << c.value("expected_auth"_L1).toString().toUtf8();
        }
    }
    void conformanceVectors()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, secret);
        QFETCH(QByteArray, socketId);
        QFETCH(QByteArray, channel);
        QFETCH(bool, hasData);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, signature);
        QFETCH(QByteArray, auth);
        const ChannelAuthSigner signer(key, secret);
        const ChannelAuthToken token = signer.sign(socketId, channel, hasData ? std::optional(data) : std::nullopt);
        QCOMPARE(token.signature, signature);
        QCOMPARE(token.auth, auth);
        QCOMPARE(signer.signature(socketId, channel, hasData ? std::optional(data) : std::nullopt), signature);
        // And the verifier accepts exactly that token.
        const ChannelAuthVerdict verdict = verifyChannelAuth(
            signer, {socketId, channel, hasData ? std::optional(data) : std::nullopt, auth, false});
        QVERIFY2(verdict.valid, qPrintable(codes(verdict.causes).join(u',')));
    }

    void utf8ChannelData_signedByteForByte()
    {
        const QByteArray data = QString(u"{\"user_id\":\"u-é\",\"user_info\":{\"name\":\"Zoë 🚀\"}}"_s).toUtf8();
        const ChannelAuthToken token = ChannelAuthSigner("k", "s3cret").sign("1.2", "presence-x", data);
        QCOMPARE(token.signature, QByteArray("d16e2232699b515c7a06bc627a0ffda6483504420ccc3d144ade179f3e7d6d49"));
    }

    void responseJson_isCompactAndParses()
    {
        const ChannelAuthSigner signer("app_key_2", "channel-secret-2");
        const ChannelAuthToken presence = signer.sign("2345.6789", "presence-room", AliceData);
        const QByteArray json = presence.responseJson();
        QCOMPARE(json, "{\"auth\":\"app_key_2:c65e6d60bc518553a373a056ee6166b6e7d44c9219f525df5730aefc0163b1f5\","
                       "\"channel_data\":\"{\\\"user_id\\\":\\\"u-1\\\",\\\"user_info\\\":{\\\"name\\\":\\\"Alice\\\"}}\"}"_ba);
        const QJsonObject parsed = QJsonDocument::fromJson(json).object();
        QCOMPARE(parsed.value("channel_data"_L1).toString().toUtf8(), AliceData);

        const ChannelAuthToken priv = ChannelAuthSigner("app_key_1", "channel-secret-1").sign("1234.5678", "private-orders");
        QCOMPARE(priv.responseJson(), R"({"auth":"app_key_1:a23ecad0d4ecfa34499ed5d61dd56e126027906d44fe5a181ac78ff084326f75"})"_ba);
    }

    void presenceChannelData_rules_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("errorContains");
        QTest::addRow("valid") << AliceData << QString();
        QTest::addRow("no-user-info") << R"({"user_id":"u"})"_ba << QString();
        QTest::addRow("not-json") << "{user_id:1}"_ba << u"not valid JSON"_s;
        QTest::addRow("array") << "[]"_ba << u"must be a JSON object"_s;
        QTest::addRow("numeric-user-id") << R"({"user_id":7})"_ba << u"must be a string"_s;
        QTest::addRow("empty-user-id") << R"({"user_id":""})"_ba << u"empty string"_s;
        QTest::addRow("missing-user-id") << R"({"user_info":{}})"_ba << u"no user_id"_s;
        QTest::addRow("user-info-string") << R"({"user_id":"u","user_info":"x"})"_ba << u"user_info must be a JSON object"_s;
    }
    void presenceChannelData_rules()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, errorContains);
        const QString error = presenceChannelDataError(data);
        if (errorContains.isEmpty())
            QCOMPARE(error, QString());
        else
            QVERIFY2(error.contains(errorContains), qPrintable(error));
    }

    void verify_findsTheCause_data()
    {
        const ChannelAuthSigner signer("app_key_2", "channel-secret-2");
        const ChannelAuthSigner other("app_key_2", "another-secret");
        const QByteArray good = signer.sign("2345.6789", "presence-room", AliceData).auth;
        const QByteArray privateFormula = signer.sign("2345.6789", "presence-room").auth;
        const QByteArray spaced = R"({"user_id": "u-1", "user_info": {"name": "Alice"}})"_ba;

        QTest::addColumn<QByteArray>("socketId");
        QTest::addColumn<QByteArray>("channel");
        QTest::addColumn<QByteArray>("givenData");
        QTest::addColumn<QByteArray>("provided");
        QTest::addColumn<bool>("isResponse");
        QTest::addColumn<QStringList>("causes");

        QTest::addRow("valid-token") << "2345.6789"_ba << "presence-room"_ba << AliceData << good << false << QStringList{};
        QTest::addRow("valid-response")
            << "2345.6789"_ba << "presence-room"_ba << QByteArray()
            << signer.sign("2345.6789", "presence-room", AliceData).responseJson() << true << QStringList{};
        QTest::addRow("wrong-secret") << "2345.6789"_ba << "presence-room"_ba << AliceData
                                      << other.sign("2345.6789", "presence-room", AliceData).auth << false
                                      << QStringList{u"signature_mismatch"_s};
        QTest::addRow("no-key-prefix") << "2345.6789"_ba << "presence-room"_ba << AliceData
                                       << good.sliced(good.indexOf(':') + 1) << false << QStringList{u"malformed_auth"_s};
        QTest::addRow("other-key") << "2345.6789"_ba << "presence-room"_ba << AliceData
                                   << "app_key_9" + good.sliced(good.indexOf(':')) << false << QStringList{u"key_mismatch"_s};
        QTest::addRow("presence-signed-as-private") << "2345.6789"_ba << "presence-room"_ba << AliceData << privateFormula
                                                    << false << QStringList{u"signed_without_channel_data"_s};
        QTest::addRow("presence-without-data") << "2345.6789"_ba << "presence-room"_ba << QByteArray() << privateFormula
                                               << false << QStringList{u"missing_channel_data"_s};
        QTest::addRow("bad-socket-id") << "2345-6789"_ba << "presence-room"_ba << AliceData
                                       << signer.sign("2345-6789", "presence-room", AliceData).auth << false
                                       << QStringList{u"invalid_socket_id"_s};
        QTest::addRow("bad-channel") << "2345.6789"_ba << "private-a b"_ba << QByteArray()
                                     << signer.sign("2345.6789", "private-a b").auth << false
                                     << QStringList{u"invalid_channel_name"_s};
        QTest::addRow("re-serialized-channel-data")
            << "2345.6789"_ba << "presence-room"_ba << AliceData
            << "{\"auth\":" + Json::quote(good) + ",\"channel_data\":" + Json::quote(spaced) + "}"
            << true << QStringList{u"channel_data_mismatch"_s};
        QTest::addRow("not-json") << "2345.6789"_ba << "presence-room"_ba << AliceData << "auth=abc"_ba << true
                                  << QStringList{u"response_not_json"_s};
        QTest::addRow("double-encoded")
            << "2345.6789"_ba << "private-orders"_ba << QByteArray()
            << Json::quote(signer.sign("2345.6789", "private-orders").responseJson())
            << true << QStringList{u"response_double_encoded"_s};
        QTest::addRow("no-auth-field") << "2345.6789"_ba << "private-orders"_ba << QByteArray() << R"({"token":"x"})"_ba
                                       << true << QStringList{u"missing_auth_field"_s};
    }
    void verify_findsTheCause()
    {
        QFETCH(QByteArray, socketId);
        QFETCH(QByteArray, channel);
        QFETCH(QByteArray, givenData);
        QFETCH(QByteArray, provided);
        QFETCH(bool, isResponse);
        QFETCH(QStringList, causes);
        const ChannelAuthSigner signer("app_key_2", "channel-secret-2");
        const ChannelAuthVerdict verdict = verifyChannelAuth(
            signer, {socketId, channel, givenData.isNull() ? std::nullopt : std::optional(givenData), provided, isResponse});
        QCOMPARE(codes(verdict.causes), causes);
        QCOMPARE(verdict.valid, causes.isEmpty());
        for (const Cause &c : verdict.causes) {
            QVERIFY(!c.message.isEmpty());
            QVERIFY2(!c.message.contains(u"channel-secret-2"_s), "a message leaks the secret");
        }
    }
};

QTEST_GUILESS_MAIN(TestChannelAuth)
#include "tst_channelauth.moc"
