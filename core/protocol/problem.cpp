// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/json.h>
#include <apinator/problem.h>

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Apinator {

ErrorKind errorKindForStatus(int status)
{
    if (status == 0)
        return ErrorKind::Network;
    if (status >= 200 && status < 300)
        return ErrorKind::None;
    if (status == 401 || status == 403)
        return ErrorKind::Authentication;
    if (status == 400 || status == 422)
        return ErrorKind::Validation;
    return ErrorKind::Api;
}

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return {};
    case ErrorKind::Authentication: return u"authentication"_s;
    case ErrorKind::Validation: return u"validation"_s;
    case ErrorKind::Api: return u"api"_s;
    case ErrorKind::Network: return u"network"_s;
    }
    return {};
}

namespace {
const QLatin1StringView StandardMembers[] = {"type"_L1, "title"_L1, "status"_L1, "detail"_L1, "code"_L1};

void appendMember(QByteArray &out, QLatin1StringView name, const QString &value)
{
    if (value.isEmpty())
        return;
    out.append(out.size() > 1 ? "," : "");
    Json::appendQuoted(out, QByteArrayView(name.data(), name.size()));
    out.append(':');
    Json::appendQuoted(out, value.toUtf8());
}
} // namespace

QByteArray Problem::toJson() const
{
    QByteArray out = "{"_ba;
    appendMember(out, "type"_L1, type);
    appendMember(out, "title"_L1, title);
    if (status != 0)
        out.append(out.size() > 1 ? "," : "").append(R"("status":)").append(QByteArray::number(status));
    appendMember(out, "detail"_L1, detail);
    appendMember(out, "code"_L1, code);
    for (auto it = document.begin(); it != document.end(); ++it) {
        if (std::find(std::begin(StandardMembers), std::end(StandardMembers), it.key()) != std::end(StandardMembers))
            continue;
        out.append(out.size() > 1 ? "," : "");
        Json::appendQuoted(out, it.key().toUtf8());
        out.append(':');
        // Wrapping in an array serializes any value type; strip the brackets.
        const QByteArray wrapped = QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact);
        out.append(QByteArrayView(wrapped).sliced(1, wrapped.size() - 2));
    }
    out.append('}');
    return out;
}

std::optional<Problem> parseProblem(QByteArrayView body)
{
    const QByteArray trimmed = body.trimmed().toByteArray();
    if (!trimmed.startsWith('{'))
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    if (!o.contains("type"_L1) && !o.contains("title"_L1) && !o.contains("detail"_L1))
        return std::nullopt;
    Problem p;
    p.type = o.value("type"_L1).toString();
    p.title = o.value("title"_L1).toString();
    p.status = o.value("status"_L1).toInt();
    p.detail = o.value("detail"_L1).toString();
    p.code = o.value("code"_L1).toString();
    p.document = o;
    return p;
}

QString problemMessage(const std::optional<Problem> &problem, int status, QStringView reason)
{
    if (problem && !problem->detail.isEmpty())
        return problem->detail;
    if (problem && !problem->title.isEmpty())
        return problem->title;
    if (!reason.isEmpty())
        return reason.toString();
    return reasonPhrase(status);
}

QString reasonPhrase(int status)
{
    switch (status) {
    case 200: return u"OK"_s;
    case 201: return u"Created"_s;
    case 202: return u"Accepted"_s;
    case 204: return u"No Content"_s;
    case 301: return u"Moved Permanently"_s;
    case 302: return u"Found"_s;
    case 304: return u"Not Modified"_s;
    case 400: return u"Bad Request"_s;
    case 401: return u"Unauthorized"_s;
    case 403: return u"Forbidden"_s;
    case 404: return u"Not Found"_s;
    case 405: return u"Method Not Allowed"_s;
    case 408: return u"Request Timeout"_s;
    case 409: return u"Conflict"_s;
    case 411: return u"Length Required"_s;
    case 413: return u"Content Too Large"_s;
    case 415: return u"Unsupported Media Type"_s;
    case 422: return u"Unprocessable Entity"_s;
    case 429: return u"Too Many Requests"_s;
    case 431: return u"Request Header Fields Too Large"_s;
    case 500: return u"Internal Server Error"_s;
    case 501: return u"Not Implemented"_s;
    case 502: return u"Bad Gateway"_s;
    case 503: return u"Service Unavailable"_s;
    case 504: return u"Gateway Timeout"_s;
    case 0: return u"no HTTP response"_s;
    }
    return u"HTTP %1"_s.arg(status);
}

} // namespace Apinator
