// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QString>

#include <initializer_list>
#include <optional>
#include <utility>
#include <vector>

#include <apinator/requestsigner.h> // HeaderList

namespace Apinator::Ctl {

// Raw bytes to stdout / stderr, unchanged (signatures and bodies must come out byte for byte).
void writeOut(const QByteArray &bytes);
void writeErr(const QByteArray &bytes);
// "apinatorctl: <message>\n" on stderr.
void printError(const QString &message);

// A JSON value that keeps its members in the order they were added: the contract
// documents the order of every --json output, and QJsonObject would sort them.
class OrderedJson final
{
public:
    using Member = std::pair<QByteArray, OrderedJson>;

    OrderedJson() = default; // null
    static OrderedJson null() { return {}; }
    static OrderedJson boolean(bool value);
    static OrderedJson integer(qint64 value);
    // Rounded to three decimals, trailing zeros dropped.
    static OrderedJson number(double value);
    static OrderedJson string(QByteArrayView utf8);
    static OrderedJson string(const QString &text);
    static OrderedJson optionalString(const std::optional<QByteArray> &utf8);
    static OrderedJson array(std::vector<OrderedJson> items = {});
    static OrderedJson object(std::initializer_list<Member> members = {});
    // Header names as member names, in order.
    static OrderedJson headers(const HeaderList &headers);
    static OrderedJson fromQJson(const QJsonValue &value);

    // For objects and arrays built step by step.
    OrderedJson &insert(QByteArray name, OrderedJson value);
    OrderedJson &append(OrderedJson value);

    // One line with ", " and ": " separators, as the contract shows the outputs.
    QByteArray serialize() const;

private:
    enum class Kind { Null, Bool, Integer, Number, String, Array, Object };
    void serializeTo(QByteArray &out) const;

    Kind m_kind = Kind::Null;
    bool m_bool = false;
    qint64 m_integer = 0;
    double m_number = 0;
    bool m_fullPrecision = false;
    QByteArray m_string;                 // UTF-8
    std::vector<OrderedJson> m_items;    // array items, or object values
    std::vector<QByteArray> m_names;     // object member names, parallel to m_items
};

// A response body for a JSON envelope: parsed JSON when it is JSON, else the text.
OrderedJson bodyAsJson(const QByteArray &body);

} // namespace Apinator::Ctl
