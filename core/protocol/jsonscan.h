// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVarLengthArray>

namespace Apinator {

// A strict RFC 8259 validator that keeps byte spans instead of building a tree.
// QJsonDocument turns every string into UTF-16 one character at a time, which
// made a trigger's 1 KiB of double-encoded data the most expensive part of a
// request; this reads the body once and lets the caller copy the data string's
// literal into the outgoing frame as it is.
class JsonScan final
{
public:
    enum class Type { Null, Bool, Number, String, Array, Object };

    struct Value
    {
        Type type = Type::Null;
        qsizetype begin = 0; // span in the text; strings include their quotes
        qsizetype end = 0;
        bool isString() const { return type == Type::String; }
    };

    struct Member
    {
        QByteArray key; // decoded UTF-8
        Value value;
    };

    // Validates text as one JSON document (any value at the top). The members of a
    // top-level object are kept, the last one winning for a repeated key.
    explicit JsonScan(QByteArrayView text);

    bool isValid() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; } // "unexpected character 'x'"
    qsizetype errorOffset() const { return m_errorOffset; }
    const Value &root() const { return m_root; }

    // The top-level member, or nullptr.
    const Value *member(QByteArrayView key) const;
    // The elements of an array value of this (valid) document.
    QVarLengthArray<Value, 8> elements(const Value &array) const;
    QByteArrayView span(const Value &value) const { return m_text.sliced(value.begin, value.end - value.begin); }
    // The UTF-8 content of a string value, escapes resolved.
    QByteArray string(const Value &value) const;

    static QString typeName(Type type); // "a string", "an object", ...

private:
    // members: where the members of this value go when it is an object (top level only).
    bool parseValue(qsizetype &pos, int depth, Value *out, QVarLengthArray<Member, 8> *members) const;
    bool parseString(qsizetype &pos) const;
    bool parseNumber(qsizetype &pos) const;
    bool parseLiteral(qsizetype &pos, QByteArrayView word) const;
    void skipSpace(qsizetype &pos) const;
    bool fail(qsizetype pos, const QString &message) const;

    QByteArrayView m_text;
    Value m_root;
    QVarLengthArray<Member, 8> m_members;
    // The parser is const so that elements() can reuse it on a valid document.
    mutable QString m_error;
    mutable qsizetype m_errorOffset = -1;
};


} // namespace Apinator
