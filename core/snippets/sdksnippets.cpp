// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The official server SDKs' spelling of one trigger. Each passes the data as the exact
// string on screen (not an object the SDK would re-serialize), so subscribers get the
// same bytes the console sends.
#include "snippets/snippets_p.h"

using namespace Qt::StringLiterals;

namespace Apinator::Snippets {

namespace {

QString list(const QStringList &items, const QString &open, const QString &close)
{
    QStringList parts;
    for (const QString &item : items)
        parts << quoted(item);
    return open + parts.join(u", "_s) + close;
}

// The comment for SDKs that build the URL from the cluster alone.
QString noBaseUrlComment(const SnippetInput &input, const QString &prefix)
{
    if (input.baseUrl.isEmpty())
        return {};
    return prefix + u" This SDK builds its URL from the cluster and cannot reach a custom base URL\n"_s + prefix
        + u" (" + defaultBaseUrl(input) + u"): use the curl snippet for that server.\n"_s;
}

// PHP single-quoted: only \ and ' need escaping, nothing is interpolated.
QString phpQuoted(const QString &text)
{
    QString out = text;
    out.replace(u'\\', u"\\\\"_s);
    out.replace(u'\'', u"\\'"_s);
    return u'\'' + out + u'\'';
}

} // namespace

QString python(const SnippetInput &input)
{
    const TriggerRequest &r = input.request;
    QString s;
    s += u"# pip install apinator-server\n"_s
         u"import os\n\n"_s
         u"from apinator import Apinator\n\n"_s
         u"client = Apinator(\n"_s
         u"    app_id=os.environ[\"APINATOR_APP_ID\"],\n"_s
         u"    key=os.environ[\"APINATOR_KEY\"],\n"_s
         u"    secret=os.environ[\"APINATOR_SECRET\"],\n"_s
         u"    cluster=os.environ.get(\"APINATOR_CLUSTER\", "_s
        + quoted(input.cluster.isEmpty() ? u"eu"_s : input.cluster) + u"),\n)\n"_s;
    if (!input.baseUrl.isEmpty()) {
        s += u"# A custom base URL (a local sandbox) goes in the client's host attribute.\n"_s
             u"client.host = os.environ.get(\"APINATOR_BASE_URL\", "_s
            + quoted(defaultBaseUrl(input)) + u")\n"_s;
    }
    s += u"\n# data is the exact text to deliver (JSON text, sent as a string).\n"_s;
    s += u"data = "_s + quoted(r.data) + u"\n"_s;
    s += u"client.trigger(\n"_s
         u"    channels="_s + list(r.channels, u"["_s, u"]"_s) + u",\n"_s
         u"    event_name="_s + quoted(r.event) + u",\n"_s
         u"    data=data,\n"_s;
    if (!r.socketId.isEmpty())
        s += u"    socket_id="_s + quoted(r.socketId) + u",\n"_s;
    s += u")\n"_s;
    return s;
}

QString node(const SnippetInput &input)
{
    const TriggerRequest &r = input.request;
    QString s;
    s += u"// npm install @apinator/server\n"_s
         u"const { Apinator } = require(\"@apinator/server\");\n\n"_s;
    s += noBaseUrlComment(input, u"//"_s);
    s += u"const client = new Apinator({\n"_s
         u"  appId: process.env.APINATOR_APP_ID,\n"_s
         u"  key: process.env.APINATOR_KEY,\n"_s
         u"  secret: process.env.APINATOR_SECRET,\n"_s
         u"  cluster: process.env.APINATOR_CLUSTER || "_s
        + quoted(input.cluster.isEmpty() ? u"eu"_s : input.cluster) + u",\n});\n\n"_s;
    s += u"// data is the exact text to deliver (JSON text, sent as a string).\n"_s;
    s += u"const data = "_s + quoted(r.data) + u";\n"_s;
    s += u"await client.trigger("_s + list(r.channels, u"["_s, u"]"_s) + u", "_s + quoted(r.event) + u", data"_s;
    if (!r.socketId.isEmpty())
        s += u", { socketId: "_s + quoted(r.socketId) + u" }"_s;
    s += u");\n"_s;
    return s;
}

QString go(const SnippetInput &input)
{
    const TriggerRequest &r = input.request;
    QString s;
    s += u"package main\n\n"_s
         u"import (\n"_s
         u"\t\"log\"\n"_s
         u"\t\"os\"\n\n"_s
         u"\tapinator \"github.com/apinator/apinator-go\"\n"_s
         u")\n\n"_s;
    s += noBaseUrlComment(input, u"//"_s);
    s += u"func main() {\n"_s
         u"\tcluster := os.Getenv(\"APINATOR_CLUSTER\")\n"_s
         u"\tif cluster == \"\" {\n"_s
         u"\t\tcluster = "_s + quoted(input.cluster.isEmpty() ? u"eu"_s : input.cluster) + u"\n\t}\n"_s
         u"\tclient := apinator.NewClient(apinator.Options{\n"_s
         u"\t\tAppID:   os.Getenv(\"APINATOR_APP_ID\"),\n"_s
         u"\t\tKey:     os.Getenv(\"APINATOR_KEY\"),\n"_s
         u"\t\tSecret:  os.Getenv(\"APINATOR_SECRET\"),\n"_s
         u"\t\tCluster: cluster,\n"_s
         u"\t})\n\n"_s;
    s += u"\t// data is the exact text to deliver (JSON text, sent as a string).\n"_s;
    s += u"\tdata := "_s + quoted(r.data) + u"\n"_s;
    s += u"\terr := client.Trigger(apinator.TriggerParams{\n"_s
         u"\t\tName:     "_s + quoted(r.event) + u",\n"_s
         u"\t\tChannels: "_s + list(r.channels, u"[]string{"_s, u"}"_s) + u",\n"_s
         u"\t\tData:     data,\n"_s;
    if (!r.socketId.isEmpty())
        s += u"\t\tSocketID: "_s + quoted(r.socketId) + u",\n"_s;
    s += u"\t})\n"_s
         u"\tif err != nil {\n"_s
         u"\t\tlog.Fatal(err)\n"_s
         u"\t}\n"_s
         u"}\n"_s;
    return s;
}

QString php(const SnippetInput &input)
{
    const TriggerRequest &r = input.request;
    QStringList channels;
    for (const QString &c : r.channels)
        channels << phpQuoted(c);
    QString s;
    s += u"<?php\n"_s
         u"// composer require apinator/apinator-php\n"_s
         u"require __DIR__ . '/vendor/autoload.php';\n\n"_s;
    s += noBaseUrlComment(input, u"//"_s);
    s += u"$client = new Apinator\\Apinator(\n"_s
         u"    getenv('APINATOR_APP_ID'),\n"_s
         u"    getenv('APINATOR_KEY'),\n"_s
         u"    getenv('APINATOR_SECRET'),\n"_s
         u"    getenv('APINATOR_CLUSTER') ?: "_s
        + phpQuoted(input.cluster.isEmpty() ? u"eu"_s : input.cluster) + u"\n);\n\n"_s;
    s += u"// $data is the exact text to deliver (JSON text, sent as a string).\n"_s;
    s += u"$data = "_s + phpQuoted(QString::fromUtf8(r.data)) + u";\n"_s;
    s += u"$client->trigger(["_s + channels.join(u", "_s) + u"], "_s + phpQuoted(r.event) + u", $data"_s;
    if (!r.socketId.isEmpty())
        s += u", ['socket_id' => "_s + phpQuoted(r.socketId) + u"]"_s;
    s += u");\n"_s;
    return s;
}

} // namespace Apinator::Snippets
