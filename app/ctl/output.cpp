// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "output.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <apinator/json.h>

#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

// stdio rather than QTextStream: no codec, no newline translation. Flushed at once so
// stdout and stderr keep their order on a terminal.
void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.data(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void writeErr(const QByteArray &bytes)
{
    std::fwrite(bytes.data(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void printError(const QString &message)
{
    writeErr(u"apinatorctl: "_s.toUtf8() + message.toUtf8() + '\n');
}

OrderedJson OrderedJson::boolean(bool value)
{
    OrderedJson j;
    j.m_kind = Kind::Bool;
    j.m_bool = value;
    return j;
}

OrderedJson OrderedJson::integer(qint64 value)
{
    OrderedJson j;
    j.m_kind = Kind::Integer;
    j.m_integer = value;
    return j;
}

OrderedJson OrderedJson::number(double value)
{
    if (!std::isfinite(value))
        return null();
    OrderedJson j;
    j.m_kind = Kind::Number;
    j.m_number = value;
    return j;
}

OrderedJson OrderedJson::string(QByteArrayView utf8)
{
    OrderedJson j;
    j.m_kind = Kind::String;
    j.m_string = utf8.toByteArray();
    return j;
}

OrderedJson OrderedJson::string(const QString &text)
{
    return string(QByteArrayView(text.toUtf8()));
}

OrderedJson OrderedJson::optionalString(const std::optional<QByteArray> &utf8)
{
    return utf8 ? string(QByteArrayView(*utf8)) : null();
}

OrderedJson OrderedJson::array(std::vector<OrderedJson> items)
{
    OrderedJson j;
    j.m_kind = Kind::Array;
    j.m_items = std::move(items);
    return j;
}

OrderedJson OrderedJson::object(std::initializer_list<Member> members)
{
    OrderedJson j;
    j.m_kind = Kind::Object;
    for (const Member &m : members)
        j.insert(m.first, m.second);
    return j;
}

OrderedJson OrderedJson::headers(const HeaderList &headers)
{
    OrderedJson j = object();
    for (const auto &[name, value] : headers)
        j.insert(name, string(QByteArrayView(value)));
    return j;
}

OrderedJson OrderedJson::fromQJson(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return boolean(value.toBool());
    case QJsonValue::Double: {
        // Keep integers integral: 42, not 42.0 or 4.2e1.
        const double d = value.toDouble();
        if (std::trunc(d) == d && std::abs(d) < 9007199254740992.0)
            return integer(qint64(d));
        OrderedJson j;
        j.m_kind = Kind::Number;
        j.m_number = d;
        j.m_fullPrecision = true; // a value from elsewhere is not ours to round
        return j;
    }
    case QJsonValue::String:
        return string(value.toString());
    case QJsonValue::Array: {
        OrderedJson j = array();
        for (const QJsonValue &item : value.toArray())
            j.append(fromQJson(item));
        return j;
    }
    case QJsonValue::Object: {
        OrderedJson j = object();
        const QJsonObject obj = value.toObject();
        for (auto it = obj.begin(); it != obj.end(); ++it)
            j.insert(it.key().toUtf8(), fromQJson(it.value()));
        return j;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return null();
}

OrderedJson &OrderedJson::insert(QByteArray name, OrderedJson value)
{
    Q_ASSERT(m_kind == Kind::Object);
    m_names.push_back(std::move(name));
    m_items.push_back(std::move(value));
    return *this;
}

OrderedJson &OrderedJson::append(OrderedJson value)
{
    Q_ASSERT(m_kind == Kind::Array);
    m_items.push_back(std::move(value));
    return *this;
}

QByteArray OrderedJson::serialize() const
{
    QByteArray out;
    serializeTo(out);
    return out;
}

// Strings go through Json::appendQuoted, the escaping the SDKs use, so a value printed
// here compares equal to what an SDK would put on the wire.
void OrderedJson::serializeTo(QByteArray &out) const
{
    switch (m_kind) {
    case Kind::Null:
        out += "null";
        return;
    case Kind::Bool:
        out += m_bool ? "true" : "false";
        return;
    case Kind::Integer:
        out += QByteArray::number(m_integer);
        return;
    case Kind::Number: {
        if (m_fullPrecision) {
            out += QByteArray::number(m_number, 'g', 17);
            return;
        }
        QByteArray text = QByteArray::number(m_number, 'f', 3);
        while (text.endsWith('0'))
            text.chop(1);
        if (text.endsWith('.'))
            text.chop(1);
        out += text == "-0" ? "0"_ba : text;
        return;
    }
    case Kind::String:
        Json::appendQuoted(out, m_string);
        return;
    case Kind::Array:
        out += '[';
        for (size_t i = 0; i < m_items.size(); ++i) {
            if (i)
                out += ", ";
            m_items[i].serializeTo(out);
        }
        out += ']';
        return;
    case Kind::Object:
        out += '{';
        for (size_t i = 0; i < m_items.size(); ++i) {
            if (i)
                out += ", ";
            Json::appendQuoted(out, m_names[i]);
            out += ": ";
            m_items[i].serializeTo(out);
        }
        out += '}';
        return;
    }
}

OrderedJson bodyAsJson(const QByteArray &body)
{
    QJsonParseError error;
    // Wrapping lets scalars and arrays parse too, which QJsonDocument alone refuses.
    const QJsonDocument doc = QJsonDocument::fromJson("[" + body + "]", &error);
    if (!body.trimmed().isEmpty() && error.error == QJsonParseError::NoError && doc.array().size() == 1)
        return OrderedJson::fromQJson(doc.array().first());
    return OrderedJson::string(QByteArrayView(body));
}

} // namespace Apinator::Ctl
