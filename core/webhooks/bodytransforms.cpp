// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "bodytransforms.h"

#include <apinator/jsontree.h>

#include <QStringList>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Apinator::Webhooks {

namespace {

// Past these sizes re-serializing every way costs more than it can tell.
constexpr qsizetype MaxJsonBytes = 256 * 1024;
constexpr qsizetype MaxPermutedBytes = 8 * 1024;
constexpr size_t MaxPermutedKeys = 6;

using JsonTree::Node;

// The ways frameworks write JSON again, string tokens kept as received.
struct NamedStyle
{
    JsonTree::Style style;
    const char16_t *text;
};
constexpr NamedStyle Styles[] = {
    {{}, u"compact (no spaces, as JSON.stringify and Go write it)"},
    {{.spaced = true}, u"with a space after each , and : (as Python's json.dumps writes it)"},
    {{.indent = 2}, u"indented by 2 spaces"},
    {{.indent = 4}, u"indented by 4 spaces"},
};

QString keyList(const Node &root, const std::vector<size_t> &order)
{
    QStringList keys;
    for (size_t i : order)
        keys << QString::fromUtf8(root.keys[i].mid(1).chopped(1));
    return keys.join(u", "_s);
}

std::optional<BodyChange> findReserialized(const QByteArray &body, const std::function<bool(QByteArrayView)> &verifies)
{
    if (body.size() > MaxJsonBytes)
        return std::nullopt;
    const std::optional<Node> root = JsonTree::parse(body);
    if (!root)
        return std::nullopt;
    const auto found = [](const QByteArray &original, const NamedStyle &style, const QString &keys) {
        return BodyChange{{u"body_json_reserialized"_s,
                           u"the JSON body was re-serialized after signing: the sender signed it %1, with %2; a "
                           u"framework parsed the body and encoded it again. Verify the raw bytes as received, "
                           u"before any JSON parsing"_s.arg(QString::fromUtf16(style.text), keys)},
                          original};
    };
    for (const bool sorted : {false, true}) {
        for (const NamedStyle &style : Styles) {
            JsonTree::Style written = style.style;
            written.sortKeys = sorted;
            const QByteArray candidate = JsonTree::write(*root, written);
            if (candidate != body && verifies(candidate))
                return found(candidate, style, sorted ? u"every object's keys sorted"_s : u"the keys in the order received"_s);
        }
    }
    // The keys may have been reordered (a Go map, a dict rebuilt): try every order of the
    // top level of a small object, the nested values as received.
    if (root->type != Node::Type::Object || root->keys.size() > MaxPermutedKeys || body.size() > MaxPermutedBytes)
        return std::nullopt;
    std::vector<size_t> order(root->keys.size());
    std::iota(order.begin(), order.end(), 0);
    Node permuted;
    permuted.type = Node::Type::Object;
    while (std::next_permutation(order.begin(), order.end())) {
        permuted.keys.clear();
        permuted.items.clear();
        for (size_t i : order) {
            permuted.keys.push_back(root->keys[i]);
            permuted.items.push_back(root->items[i]);
        }
        for (const NamedStyle &style : Styles) {
            const QByteArray candidate = JsonTree::write(permuted, style.style);
            if (candidate != body && verifies(candidate))
                return found(candidate, style, u"the keys in the order "_s + keyList(*root, order));
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<BodyChange> findBodyChange(const QByteArray &body, const std::function<bool(QByteArrayView)> &verifies)
{
    const auto tryOriginal = [&](const QByteArray &original, const QString &code,
                                 const QString &message) -> std::optional<BodyChange> {
        if (verifies(original))
            return BodyChange{{code, message}, original};
        return std::nullopt;
    };
    // A newline added in transit: the sender signed the body without it.
    if (body.endsWith("\r\n")) {
        if (auto c = tryOriginal(body.chopped(2), u"body_trailing_newline_added"_s,
                                 u"a trailing CRLF (\\r\\n) was added to the body after it was signed (a proxy, a "
                                 u"file saved with a final newline, echo): the sender signed it without one"_s))
            return c;
    }
    if (body.endsWith('\n')) {
        if (auto c = tryOriginal(body.chopped(1), u"body_trailing_newline_added"_s,
                                 u"a trailing newline (\\n) was added to the body after it was signed (a proxy, a file "
                                 u"saved with a final newline, echo): the sender signed it without one"_s))
            return c;
    }
    for (const QByteArray &end : {"\n"_ba, "\r\n"_ba}) {
        if (auto c = tryOriginal(body + end, u"body_trailing_newline_removed"_s,
                                 u"the body lost a trailing %1 after it was signed (a framework or proxy trimmed it): "
                                 u"the sender signed it with the newline at the end"_s
                                     .arg(end == "\n" ? u"newline (\\n)"_s : u"CRLF (\\r\\n)"_s)))
            return c;
    }
    if (body.contains("\r\n")) {
        QByteArray lf = body;
        lf.replace("\r\n", "\n");
        if (auto c = tryOriginal(lf, u"body_crlf_converted"_s,
                                 u"the body's line ends were converted: the sender signed LF (\\n) line ends, the body "
                                 u"arrived with CRLF (\\r\\n)"_s))
            return c;
    }
    if (body.contains('\n')) {
        QByteArray crlf = body;
        crlf.replace("\r\n", "\n").replace("\n", "\r\n");
        if (crlf != body) {
            if (auto c = tryOriginal(crlf, u"body_crlf_converted"_s,
                                     u"the body's line ends were converted: the sender signed CRLF (\\r\\n) line ends, "
                                     u"the body arrived with LF (\\n)"_s))
                return c;
        }
    }
    if (auto c = findReserialized(body, verifies))
        return c;
    if (body.startsWith("\xEF\xBB\xBF")) {
        if (auto c = tryOriginal(body.sliced(3), u"body_bom_added"_s,
                                 u"a UTF-8 byte order mark (EF BB BF) was added before the body after it was signed "
                                 u"(an editor or a text encoder): the sender signed it without one"_s))
            return c;
    }
    return std::nullopt;
}

} // namespace Apinator::Webhooks
