// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/jsontree.h>
#include <apinator/webhookinspect.h>

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

using JsonNode = JsonTree::Node;

constexpr int MaxEvents = 10000;

// A scalar token as text: a string decoded, a number or literal as written.
QString scalarText(const QByteArray &token)
{
    return QString::fromUtf8(token.startsWith('"') ? JsonTree::decodeString(token) : token);
}

QString valueText(const JsonNode &node)
{
    if (node.type == JsonNode::Type::Scalar)
        return scalarText(node.token);
    return QString::fromUtf8(JsonTree::write(node, {}));
}

bool toEvent(const JsonNode &node, WebhookEvent *out, bool inBatch)
{
    if (node.type != JsonNode::Type::Object)
        return false;
    // Pusher's batches name the event "name"; a lone client_event uses "name" for its own.
    bool hasEvent = false;
    for (const QByteArray &keyToken : node.keys)
        hasEvent = hasEvent || keyToken == "\"event\"";
    for (size_t i = 0; i < node.keys.size(); ++i) {
        const QByteArray &keyToken = node.keys[i];
        const JsonNode &value = node.items[i];
        const QString key = scalarText(keyToken);
        const QString text = valueText(value);
        if (key == u"event" || (inBatch && !hasEvent && key == u"name"))
            out->event = text;
        else if (key == u"channel")
            out->channel = text;
        else if (key == u"user_id")
            out->userId = text;
        else
            out->fields.append({key, text});
    }
    return true;
}

QString kindOf(const JsonNode &node)
{
    if (node.type == JsonNode::Type::Object)
        return u"an object"_s;
    if (node.type == JsonNode::Type::Array)
        return u"an array"_s;
    return node.token.startsWith('"') ? u"a string"_s : u"the value %1"_s.arg(QString::fromUtf8(node.token.left(20)));
}

void addEvents(const std::vector<JsonNode> &items, WebhookEvents &out, const QString &where)
{
    int index = 0;
    for (const JsonNode &item : items) {
        if (out.events.size() >= MaxEvents) {
            out.error = u"the batch has %1 events; only the first %2 are shown"_s.arg(items.size()).arg(MaxEvents);
            return;
        }
        WebhookEvent event;
        if (!toEvent(item, &event, true)) {
            if (out.error.isEmpty())
                out.error = u"%1 %2 is %3, not an event object"_s.arg(where).arg(index).arg(kindOf(item));
        } else {
            out.events.append(event);
        }
        ++index;
    }
}

} // namespace

WebhookEvents parseWebhookEvents(QByteArrayView body)
{
    WebhookEvents out;
    if (body.trimmed().isEmpty()) {
        out.error = u"the body is empty"_s;
        return out;
    }
    // Ours keeps the key order; Qt's says where broken JSON breaks.
    const std::optional<JsonNode> root = JsonTree::parse(body);
    if (!root || root->type != JsonNode::Type::Scalar) {
        QJsonParseError parseError;
        QJsonDocument::fromJson(body.toByteArray(), &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            out.error = u"the body is not JSON: %1 at byte %2"_s.arg(parseError.errorString()).arg(parseError.offset);
            return out;
        }
    }
    if (!root) {
        out.error = u"the body is not strict JSON: a raw control character in a string, or nesting deeper than "
                    u"64 levels"_s;
        return out;
    }
    if (root->type == JsonNode::Type::Array) {
        out.batch = true;
        addEvents(root->items, out, u"item"_s);
        return out;
    }
    if (root->type != JsonNode::Type::Object) {
        out.error = u"the body is %1, not an event object or a batch"_s.arg(kindOf(*root));
        return out;
    }
    // A Pusher-style batch: {"time_ms": T, "events": [...]}.
    for (size_t i = 0; i < root->keys.size(); ++i) {
        const JsonNode &value = root->items[i];
        if (root->keys[i] != "\"events\"" || value.type != JsonNode::Type::Array)
            continue;
        out.batch = true;
        for (size_t j = 0; j < root->keys.size(); ++j) {
            const JsonNode &v = root->items[j];
            if (root->keys[j] == "\"time_ms\"" && v.type == JsonNode::Type::Scalar) {
                bool ok = false;
                const qint64 ms = v.token.toLongLong(&ok);
                if (ok)
                    out.timeMs = ms;
            }
        }
        addEvents(value.items, out, u"event"_s);
        return out;
    }
    WebhookEvent event;
    toEvent(*root, &event, false);
    out.events.append(event);
    if (event.event.isEmpty())
        out.error = u"the body has no \"event\" field"_s;
    return out;
}

} // namespace Apinator
