// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "verdictoutput.h"

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

QByteArray causeLines(const CauseList &causes, QByteArrayView bullet)
{
    QByteArray out;
    for (const Cause &cause : causes)
        out += "  " + bullet.toByteArray() + cause.message.toUtf8() + " [" + cause.code.toUtf8() + "]\n";
    return out;
}

OrderedJson causeCodes(const CauseList &causes)
{
    OrderedJson codes = OrderedJson::array();
    for (const Cause &cause : causes)
        codes.append(OrderedJson::string(cause.code));
    return codes;
}

OrderedJson causeMessages(const CauseList &causes)
{
    OrderedJson messages = OrderedJson::array();
    for (const Cause &cause : causes)
        messages.append(OrderedJson::string(cause.message));
    return messages;
}

OrderedJson orNull(const QByteArray &value)
{
    return value.isEmpty() ? OrderedJson::null() : OrderedJson::string(QByteArrayView(value));
}

namespace {

// Newlines, CR and tabs in a string to sign would break the line they are printed on.
QByteArray visible(QByteArray bytes)
{
    return bytes.replace('\\', "\\\\").replace('\n', "\\n").replace('\r', "\\r").replace('\t', "\\t");
}

} // namespace

OrderedJson channelVerdictJson(const AuthInspection &verdict)
{
    return OrderedJson::object({
        {"valid", OrderedJson::boolean(verdict.valid)},
        {"causes", causeCodes(verdict.causes)},
        {"expected_auth", orNull(verdict.expectedAuth)},
        {"provided_auth", orNull(verdict.providedAuth)},
        {"channel_data", OrderedJson::optionalString(verdict.channelData)},
        {"messages", causeMessages(verdict.causes)},
        {"expected_string_to_sign", OrderedJson::string(QByteArrayView(verdict.expectedStringToSign))},
        // What the provided signature was really made from, when a known mistake explains it.
        {"signed_string", OrderedJson::optionalString(verdict.reconstructedStringToSign)},
        {"signed_with_profile", verdict.signedWithProfile.isEmpty() ? OrderedJson::null()
                                                                    : OrderedJson::string(verdict.signedWithProfile)},
    });
}

QByteArray channelVerdictText(const AuthInspection &verdict)
{
    QByteArray out = verdict.valid ? "valid\n"_ba : "invalid\n"_ba;
    out += causeLines(verdict.causes, "- ");
    out += "expected auth: " + (verdict.expectedAuth.isEmpty() ? "(unknown)"_ba : verdict.expectedAuth) + '\n';
    out += "provided auth: " + (verdict.providedAuth.isEmpty() ? "(none)"_ba : verdict.providedAuth) + '\n';
    if (!verdict.valid && verdict.reconstructedStringToSign) {
        out += "expected string to sign: " + visible(verdict.expectedStringToSign) + '\n';
        out += "string that was signed:  " + visible(*verdict.reconstructedStringToSign) + '\n';
    }
    return out;
}

} // namespace Apinator::Ctl
