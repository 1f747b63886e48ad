// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/snippets.h>

namespace Apinator::Snippets {

// The REST base URL the code defaults to: the custom one, else the cluster's.
QString defaultBaseUrl(const SnippetInput &input);
// A double-quoted literal valid in Python, JavaScript and Go (JSON.stringify escaping).
QString quoted(const QString &text);
QString quoted(const QByteArray &utf8);

QString python(const SnippetInput &input);
QString node(const SnippetInput &input);
QString go(const SnippetInput &input);
QString php(const SnippetInput &input);

} // namespace Apinator::Snippets
