// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// inspectChannelAuth: every cause, each from a signature really made the wrong way.
#include <apinator/authinspect.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace Apinator;
using namespace Qt::StringLiterals;

namespace {

const QByteArray Key = "app_key_1";
const QByteArray Secret = "s3cr3t-Dev-9f2";
const QByteArray StagingKey = "app_key_2";
const QByteArray StagingSecret = "s3cr3t-Stg-41c";
const QByteArray ProdKey = "app_key_3";
const QByteArray ProdSecret = "s3cr3t-Prd-77d";
const QByteArray Socket = "1234.5678";
const QByteArray Private = "private-orders";
const QByteArray Presence = "presence-room";
// Unsorted keys inside, a slash and a non-ASCII letter: every re-serialization changes it.
const QByteArray Member = u"{\"user_id\":\"u-1\",\"user_info\":{\"name\":\"Zoë\",\"avatar\":\"https://x.io/a.png\"}}"_s.toUtf8();

// An independent oracle: Qt's HMAC, not the core's.
QByteArray sig(const QByteArray &secret, const QByteArray &stringToSign)
{
    return QMessageAuthenticationCode::hash(stringToSign, secret, QCryptographicHash::Sha256).toHex();
}

QByteArray auth(const QByteArray &key, const QByteArray &secret, const QByteArray &stringToSign)
{
    return key + ':' + sig(secret, stringToSign);
}

// What an endpoint answers, serialized by Qt's JSON writer (not the core's).
QByteArray answer(const QByteArray &authValue, const std::optional<QByteArray> &channelData = std::nullopt)
{
    QJsonObject o{{u"auth"_s, QString::fromUtf8(authValue)}};
    if (channelData)
        o.insert(u"channel_data"_s, QString::fromUtf8(*channelData));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray jsonString(const QByteArray &text)
{
    // QJsonDocument cannot write a top-level string: wrap it in an array and strip the brackets.
    const QByteArray array = QJsonDocument(QJsonArray{QString::fromUtf8(text)}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QStringList codes(const CauseList &causes)
{
    QStringList out;
    for (const Cause &c : causes)
        out << c.code;
    return out;
}

AuthInspectInput input(const QByteArray &pasted, const QByteArray &socket, const QByteArray &channel,
                       AuthInspectInput::Pasted kind = AuthInspectInput::Pasted::Response,
                       const std::optional<QByteArray> &given = std::nullopt)
{
    AuthInspectInput in;
    in.pasted = pasted;
    in.kind = kind;
    in.socketId = socket;
    in.channelName = channel;
    in.channelData = given;
    in.key = Key;
    in.secret = Secret;
    in.others = {{u"Staging"_s, StagingKey, StagingSecret}, {u"Production"_s, ProdKey, ProdSecret}};
    return in;
}

} // namespace

class TestAuthInspect final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void inspect_namesTheCause_data();
    void inspect_namesTheCause();
    void reserialized_bytesShowWhatWasSigned();
    void otherProfileSecret_namesTheProfile();
    void valid_expectedResponseIsWhatWasAnswered();
    void messages_neverContainASecret();
    void buildPresenceChannelData_keepsKeyOrder_data();
    void buildPresenceChannelData_keepsKeyOrder();
};

void TestAuthInspect::inspect_namesTheCause_data()
{
    using Pasted = AuthInspectInput::Pasted;
    QTest::addColumn<QByteArray>("pasted");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("socket");
    QTest::addColumn<QByteArray>("channel");
    QTest::addColumn<QStringList>("causes");
    QTest::addColumn<QString>("messageContains"); // in the last cause's message

    const QByteArray privStr = Socket + ':' + Private;
    const QByteArray presStr = Socket + ':' + Presence + ':' + Member;
    const QByteArray privAuth = auth(Key, Secret, privStr);
    const QByteArray presAuth = auth(Key, Secret, presStr);
    const int response = int(Pasted::Response);
    const int autoKind = int(Pasted::Auto);

    QTest::addRow("private answer, valid") << answer(privAuth) << response << Socket << Private << QStringList{} << QString();
    QTest::addRow("private auth value pasted alone, valid") << privAuth << autoKind << Socket << Private << QStringList{}
                                                            << QString();
    QTest::addRow("quoted auth value pasted, valid") << jsonString(privAuth) << autoKind << Socket << Private
                                                     << QStringList{} << QString();
    QTest::addRow("presence answer, valid") << answer(presAuth, Member) << response << Socket << Presence
                                            << QStringList{} << QString();

    QTest::addRow("HTML page") << "<!DOCTYPE html><html><body>Internal Server Error</body></html>"_ba << response
                               << Socket << Private << QStringList{u"response_not_json"_s} << u"HTML"_s;
    // JSON.stringify(answer) then res.json(...): a JSON string holding the JSON.
    QTest::addRow("answer encoded twice") << jsonString(answer(presAuth, Member)) << response << Socket << Presence
                                          << QStringList{u"auth_is_json_string"_s} << u"encoded twice"_s;
    // res.json({auth: JSON.stringify(pusher.authorizeChannel(...))})
    QTest::addRow("whole answer inside auth") << answer(answer(presAuth, Member)) << response << Socket << Presence
                                              << QStringList{u"auth_is_json_string"_s} << u"holds JSON"_s;
    QTest::addRow("auth value as a bare JSON string") << jsonString(privAuth) << response << Socket << Private
                                                      << QStringList{u"auth_is_json_string"_s} << u"bare JSON string"_s;
    QTest::addRow("no auth field") << QByteArray(R"({"token":")" + privAuth + "\"}") << response << Socket << Private
                                   << QStringList{u"missing_auth_field"_s} << u"no \"auth\""_s;
    QTest::addRow("signature without key prefix") << answer(sig(Secret, privStr)) << response << Socket << Private
                                                  << QStringList{u"missing_key_prefix"_s} << u"app_key_1:"_s;
    QTest::addRow("signature not hex") << answer(Key + ":not-a-signature") << response << Socket << Private
                                       << QStringList{u"malformed_auth"_s} << u"64"_s;
    QTest::addRow("signature in uppercase") << answer(Key + ':' + sig(Secret, privStr).toUpper()) << response << Socket
                                            << Private << QStringList{u"malformed_auth"_s} << u"uppercase"_s;

    QTest::addRow("key of another profile") << answer(auth(StagingKey, Secret, privStr)) << response << Socket << Private
                                            << QStringList{u"key_of_other_profile"_s} << u"\"Staging\""_s;
    QTest::addRow("unknown key") << answer(auth("app_key_77", Secret, privStr)) << response << Socket << Private
                                 << QStringList{u"key_mismatch"_s} << u"app_key_77"_s;
    QTest::addRow("secret of another profile") << answer(auth(Key, ProdSecret, privStr)) << response << Socket << Private
                                               << QStringList{u"secret_of_other_profile"_s} << u"\"Production\""_s;
    QTest::addRow("signed entirely as another profile")
        << answer(auth(StagingKey, StagingSecret, presStr), Member) << response << Socket << Presence
        << QStringList{u"key_of_other_profile"_s, u"secret_of_other_profile"_s} << u"\"Staging\""_s;
    QTest::addRow("unknown secret") << answer(auth(Key, "some-other-secret", privStr)) << response << Socket << Private
                                    << QStringList{u"signature_mismatch"_s} << QString::fromUtf8(privStr);

    QTest::addRow("presence signed with the private formula")
        << answer(auth(Key, Secret, Socket + ':' + Presence), Member) << response << Socket << Presence
        << QStringList{u"signed_without_channel_data"_s} << u"without channel_data"_s;
    QTest::addRow("presence answered like a private channel")
        << answer(auth(Key, Secret, Socket + ':' + Presence)) << response << Socket << Presence
        << QStringList{u"missing_channel_data"_s, u"signed_without_channel_data"_s} << u"private-channel"_s;
    QTest::addRow("channel_data on a private channel")
        << answer(privAuth, Member) << response << Socket << Private << QStringList{u"unexpected_channel_data"_s}
        << u"only signed for presence"_s;
    const QByteArray numericId = R"({"user_id":42})";
    QTest::addRow("user_id a number")
        << answer(auth(Key, Secret, Socket + ':' + Presence + ':' + numericId), numericId) << response << Socket
        << Presence << QStringList{u"invalid_channel_data"_s} << u"must be a string"_s;
    {
        // channel_data answered as an object; what a client then sends is its compact form.
        const QJsonObject member = QJsonDocument::fromJson(R"({"user_id":"u-1"})").object();
        const QByteArray compact = QJsonDocument(member).toJson(QJsonDocument::Compact);
        QJsonObject o{{u"auth"_s, QString::fromUtf8(auth(Key, Secret, Socket + ':' + Presence + ':' + compact))},
                      {u"channel_data"_s, member}};
        QTest::addRow("channel_data as an object") << QJsonDocument(o).toJson(QJsonDocument::Compact) << response << Socket
                                                   << Presence << QStringList{u"channel_data_not_string"_s}
                                                   << u"not a string"_s;
    }

    // Signed one serialization, answered another.
    const QByteArray sorted = QJsonDocument::fromJson(Member).toJson(QJsonDocument::Compact); // QJsonObject sorts keys
    QVERIFY(sorted != Member);
    QTest::addRow("signed with keys sorted")
        << answer(auth(Key, Secret, Socket + ':' + Presence + ':' + sorted), Member) << response << Socket << Presence
        << QStringList{u"channel_data_reserialized"_s} << u"keys sorted"_s;
    const QByteArray spaced = QByteArray(Member).replace("\":", "\": ").replace(",\"", ", \"");
    QTest::addRow("signed compact, answered spaced")
        << answer(presAuth, spaced) << response << Socket << Presence << QStringList{u"channel_data_reserialized"_s}
        << u"written compact"_s;
    QTest::addRow("signed spaced, answered compact")
        << answer(auth(Key, Secret, Socket + ':' + Presence + ':' + spaced), Member) << response << Socket << Presence
        << QStringList{u"channel_data_reserialized"_s} << u"with spaces"_s;
    const QByteArray slashes = QByteArray(Member).replace("/", "\\/");
    QTest::addRow("signed with slashes escaped")
        << answer(auth(Key, Secret, Socket + ':' + Presence + ':' + slashes), Member) << response << Socket << Presence
        << QStringList{u"channel_data_reserialized"_s} << u"slashes escaped"_s;
    const QByteArray unicode = QByteArray(Member).replace(u"ë"_s.toUtf8(), "\\u00eb");
    QTest::addRow("signed with unicode escaped")
        << answer(auth(Key, Secret, Socket + ':' + Presence + ':' + unicode), Member) << response << Socket << Presence
        << QStringList{u"channel_data_reserialized"_s} << u"unicode escaped"_s;
    const QByteArray php = QByteArray(unicode).replace("/", "\\/"); // PHP's json_encode does both
    QTest::addRow("signed the PHP way")
        << answer(auth(Key, Secret, Socket + ':' + Presence + ':' + php), Member) << response << Socket << Presence
        << QStringList{u"channel_data_reserialized"_s} << u"slashes escaped as \\/, unicode escaped"_s;

    QTest::addRow("socket id read with its newline")
        << answer(auth(Key, Secret, Socket + "\n:" + Private)) << response << Socket << Private
        << QStringList{u"socket_id_differs"_s} << u"trailing newline"_s;
    QTest::addRow("socket id pasted with spaces, endpoint trimmed")
        << answer(privAuth) << response << QByteArray(' ' + Socket + ' ') << Private
        << QStringList{u"invalid_socket_id"_s, u"socket_id_differs"_s} << u"trimmed"_s;
    QTest::addRow("channel name lowercased by the endpoint")
        << answer(auth(Key, Secret, Socket + ":private-orders")) << response << Socket << "private-Orders"_ba
        << QStringList{u"channel_name_differs"_s} << u"lowercase"_s;
    QTest::addRow("channel name signed without its prefix")
        << answer(auth(Key, Secret, Socket + ":orders")) << response << Socket << Private
        << QStringList{u"channel_name_differs"_s} << u"without its \"private-\" prefix"_s;
}

void TestAuthInspect::inspect_namesTheCause()
{
    QFETCH(QByteArray, pasted);
    QFETCH(int, kind);
    QFETCH(QByteArray, socket);
    QFETCH(QByteArray, channel);
    QFETCH(QStringList, causes);
    QFETCH(QString, messageContains);

    const AuthInspection result = inspectChannelAuth(input(pasted, socket, channel, AuthInspectInput::Pasted(kind)));
    QCOMPARE(codes(result.causes), causes);
    QCOMPARE(result.valid, causes.isEmpty());
    if (!messageContains.isEmpty())
        QVERIFY2(result.causes.last().message.contains(messageContains), qPrintable(result.causes.last().message));
}

void TestAuthInspect::reserialized_bytesShowWhatWasSigned()
{
    const QByteArray sorted = QJsonDocument::fromJson(Member).toJson(QJsonDocument::Compact);
    const QByteArray signedString = Socket + ':' + Presence + ':' + sorted;
    const AuthInspection result =
        inspectChannelAuth(input(answer(auth(Key, Secret, signedString), Member), Socket, Presence));
    QCOMPARE(result.expectedStringToSign, Socket + ':' + Presence + ':' + Member);
    QVERIFY(result.reconstructedStringToSign.has_value());
    QCOMPARE(*result.reconstructedStringToSign, signedString);
    QCOMPARE(result.providedSignature, sig(Secret, signedString));
    QCOMPARE(result.expectedSignature, sig(Secret, Socket + ':' + Presence + ':' + Member));
    QCOMPARE(result.providedChannelData, std::optional<QByteArray>(Member));
}

void TestAuthInspect::otherProfileSecret_namesTheProfile()
{
    const QByteArray s = Socket + ':' + Private;
    const AuthInspection result = inspectChannelAuth(input(answer(auth(Key, StagingSecret, s)), Socket, Private));
    QCOMPARE(result.signedWithProfile, u"Staging"_s);
    QCOMPARE(result.reconstructedStringToSign, std::optional<QByteArray>(s));
    QCOMPARE(result.expectedAuth, auth(Key, Secret, s));
}

void TestAuthInspect::valid_expectedResponseIsWhatWasAnswered()
{
    const QByteArray good = answer(auth(Key, Secret, Socket + ':' + Presence + ':' + Member), Member);
    const AuthInspection result = inspectChannelAuth(input(good, Socket, Presence));
    QVERIFY(result.valid);
    QCOMPARE(QJsonDocument::fromJson(result.expectedResponse), QJsonDocument::fromJson(good));
    QCOMPARE(result.reconstructedStringToSign, std::optional<QByteArray>(result.expectedStringToSign));
}

void TestAuthInspect::messages_neverContainASecret()
{
    // The causes that name a key or a profile, and the mismatch that quotes signatures.
    const QList<QByteArray> answers = {
        answer(auth(Key, ProdSecret, Socket + ':' + Private)),
        answer(auth(StagingKey, StagingSecret, Socket + ':' + Private)),
        answer(auth(Key, "x", Socket + ':' + Private)),
        answer(sig(Secret, Socket + ':' + Private)),
    };
    for (const QByteArray &a : answers) {
        const AuthInspection result = inspectChannelAuth(input(a, Socket, Private));
        QVERIFY(!result.causes.isEmpty());
        for (const Cause &c : result.causes)
            for (const QByteArray &secret : {Secret, StagingSecret, ProdSecret})
                QVERIFY2(!c.message.contains(QString::fromUtf8(secret)), qPrintable(c.message));
    }
}

void TestAuthInspect::buildPresenceChannelData_keepsKeyOrder_data()
{
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QByteArray>("userInfo");
    QTest::addColumn<QByteArray>("expected"); // empty: an error
    QTest::addColumn<QString>("errorContains");
    QTest::addRow("id only") << u"u-1"_s << QByteArray() << R"({"user_id":"u-1"})"_ba << QString();
    QTest::addRow("info compacted, order kept")
        << u"u-1"_s << "{ \"name\" : \"Zoë\",\n  \"avatar\": \"https://x.io/a\" }"_ba
        << u"{\"user_id\":\"u-1\",\"user_info\":{\"name\":\"Zoë\",\"avatar\":\"https://x.io/a\"}}"_s.toUtf8() << QString();
    QTest::addRow("id with a quote") << u"a\"b"_s << QByteArray() << R"({"user_id":"a\"b"})"_ba << QString();
    QTest::addRow("empty id") << QString() << QByteArray() << QByteArray() << u"user id is empty"_s;
    QTest::addRow("info an array") << u"u"_s << "[1]"_ba << QByteArray() << u"JSON object"_s;
    QTest::addRow("info not JSON") << u"u"_s << "{name:1}"_ba << QByteArray() << u"not valid JSON"_s;
}

void TestAuthInspect::buildPresenceChannelData_keepsKeyOrder()
{
    QFETCH(QString, userId);
    QFETCH(QByteArray, userInfo);
    QFETCH(QByteArray, expected);
    QFETCH(QString, errorContains);
    QString error;
    const std::optional<QByteArray> data = buildPresenceChannelData(userId, userInfo, &error);
    if (expected.isEmpty()) {
        QVERIFY(!data);
        QVERIFY2(error.contains(errorContains), qPrintable(error));
        return;
    }
    QCOMPARE(data, std::optional<QByteArray>(expected));
    // And the JS client's own rules accept it.
    QCOMPARE(QJsonDocument::fromJson(*data).object().value("user_id"_L1).toString(), userId);
}

QTEST_GUILESS_MAIN(TestAuthInspect)
#include "tst_authinspect.moc"
