// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/names.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Apinator::Names {

namespace {
bool isChannelChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '_'
           || u == '.';
}

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= '0' && c.unicode() <= '9';
}

QString describe(QChar c)
{
    if (c.isSpace())
        return c == u' ' ? u"a space"_s : u"a whitespace character (U+%1)"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0'));
    if (!c.isPrint())
        return u"an invisible character (U+%1)"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0'));
    return u"'"_s + c + u"'"_s;
}
} // namespace

QString channelNameError(QStringView name)
{
    if (name.isEmpty())
        return u"channel name is empty"_s;
    if (name.size() > MaxChannelNameLength)
        return u"channel name has %1 characters; the limit is %2"_s.arg(name.size()).arg(MaxChannelNameLength);
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (!isChannelChar(name[i]))
            return u"channel name contains %1 at position %2; allowed are letters, digits, '-', '_' and '.'"_s
                .arg(describe(name[i]))
                .arg(i + 1);
    }
    return {};
}

ChannelType channelType(QStringView name)
{
    if (name.startsWith(u"presence-"))
        return ChannelType::Presence;
    if (name.startsWith(u"private-"))
        return ChannelType::Private;
    return ChannelType::Public;
}

QString channelTypeName(ChannelType type)
{
    switch (type) {
    case ChannelType::Public: return u"public"_s;
    case ChannelType::Private: return u"private"_s;
    case ChannelType::Presence: return u"presence"_s;
    }
    return {};
}

QString socketIdError(QStringView socketId)
{
    if (socketId.isEmpty())
        return u"socket id is empty"_s;
    const qsizetype dot = socketId.indexOf(u'.');
    const auto digitsOnly = [](QStringView part) {
        return !part.isEmpty() && std::all_of(part.begin(), part.end(), isAsciiDigit);
    };
    if (dot < 0 || !digitsOnly(socketId.first(dot)) || !digitsOnly(socketId.sliced(dot + 1)))
        return u"socket id \"%1\" is not of the form digits.digits (like 1234.5678)"_s.arg(socketId);
    return {};
}

bool isValidSocketId(QStringView socketId)
{
    return socketIdError(socketId).isEmpty();
}

QString eventNameError(QStringView name)
{
    if (name.isEmpty())
        return u"event name is empty"_s;
    return {};
}

bool isClientEvent(QStringView name)
{
    return name.startsWith(u"client-");
}

} // namespace Apinator::Names
