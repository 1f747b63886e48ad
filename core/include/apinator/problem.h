// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Apinator {

// How the SDKs classify a failed call (PROTOCOL.md, "Errors").
enum class ErrorKind {
    None,           // 2xx
    Authentication, // 401, 403
    Validation,     // 400, 422
    Api,            // any other non-2xx status
    Network,        // no HTTP answer at all (status 0)
};

ErrorKind errorKindForStatus(int status);
QString errorKindName(ErrorKind kind); // "authentication", "validation", "api", "network", "" for None

// An RFC 7807 problem document.
struct Problem
{
    QString type;
    QString title;
    int status = 0;
    QString detail;
    QString code;
    QJsonObject document; // every member, including extensions

    QByteArray toJson() const; // compact, members in the order type, title, status, detail, code, extensions
};

// A problem parsed from a response body; nullopt when the body is not a JSON
// object carrying at least one of type, title, detail.
std::optional<Problem> parseProblem(QByteArrayView body);

// What the SDKs show: detail, else title, else the HTTP reason phrase.
QString problemMessage(const std::optional<Problem> &problem, int status, QStringView reasonPhrase = {});

// The standard reason phrase of a status code ("Unprocessable Entity").
QString reasonPhrase(int status);

} // namespace Apinator
