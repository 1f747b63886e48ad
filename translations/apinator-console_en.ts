<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>Apinator::Console</name>
    <message>
        <source>Apinator Console: app profiles with secrets in the keyring, and a local sandbox.
Profiles live in $APINATOR_CONFIG_DIR when set, else ~/.config/apinator-console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start as usual, wait for the window&apos;s first paint, print {&quot;startup_ms&quot;: N, &quot;rss_kb&quot;: N} and exit 0. Saves no window settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start as usual, save a PNG of the window to FILE once it is shown, exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::AboutDialog</name>
    <message>
        <source>About Apinator Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A native developer console for Apinator realtime apps: profiles, a local sandbox, and soon events, auth and webhooks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apinator Console %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::AuthPage</name>
    <message>
        <source>Auth signatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a profile: its key and secret sign and check the tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the secret of profile &quot;%1&quot;...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret of profile &quot;%1&quot; cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; has no %2: add it in Profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::AuthorizationPane</name>
    <message>
        <source>Sign &amp;locally with the profile&apos;s secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask my auth &amp;endpoint (set on the Auth page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence user id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: a generated console-… id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence user info JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign subscriptions locally with the profile&apos;s secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorize subscriptions through my auth endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth endpoint in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User i&amp;nfo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private and presence channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes apply to the next subscriptions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint: %1 (%2 body, %3 extra headers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint yet: type its URL in the Auth page&apos;s Endpoint tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user info must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the endpoint&apos;s URL on the Auth page first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::ByteDiffView</name>
    <message>
        <source>String to sign, byte by byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two strings are identical.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::ChannelChipEditor</name>
    <message>
        <source>Add a channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel name, Enter to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter to add the channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 channels; the limit is 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::ChannelListModel</name>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::ChannelsPage</name>
    <message>
        <source>Channel name prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix filter, e.g. private-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to the server as filter_by_prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the channel list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auto-refresh every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-refresh interval in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of channels listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupied channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up a channel by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look up any channel: type its name, Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel info JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send to this channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send an event to this channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a channel to see its info.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupied channels of %1 (app %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not a channel list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing channels failed (HTTP %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing channels failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not listed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No occupied channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No occupied channel starts with “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n channel starting with “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n channels starting with “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupied: %n subscription.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupied: %n subscriptions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not occupied: nobody is subscribed to this channel right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No channel selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Trigger page is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::ClientEventPane</name>
    <message>
        <source>Client event name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client-typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;nd client event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel of the client event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client event data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the client event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client event status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;vent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client event&apos;s name starts with client-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe to a private or presence channel first: client events go only there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an event name after client-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is being checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is not valid JSON (%1); fix it or switch on Raw text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send from this connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::ConnectionResultView</name>
    <message>
        <source>Not tested yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 occupied channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 occupied channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past %1 s signed requests start to fail: their timestamps expire. Set this machine&apos;s clock (NTP).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::CopyField</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the exact bytes to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::EmbeddedDefault</name>
    <message>
        <source>The sandbox profile&apos;s secrets could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no profile uses it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::EmbeddedSandbox</name>
    <message>
        <source>Sandbox on %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox starting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::EndpointTab</name>
    <message>
        <source>Auth endpoint URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON, as the JS client sends it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form-encoded, as older examples read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per line: Cookie: session=...  or  Authorization: Bearer ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New synthetic socket id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fresh, well-formed socket id (no live connection is needed to test an endpoint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the auth request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Socket id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to see what your endpoint answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 is not a header: write &apos;Name: value&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the endpoint URL and a channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POST the request a client SDK sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the endpoint...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 %2, %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no answer)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::EnvironmentChip</name>
    <message>
        <source>Environment: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::EventModel</name>
    <message>
        <source>%1 ms, excluded!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent with this connection&apos;s socket id excluded, yet it arrived here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the Trigger page&apos;s send to its arrival here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::EventStreamView</name>
    <message>
        <source>Filter by channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by event name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by data text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data contains (exact case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the shown events as JSON lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow new events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events kept at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data of the selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops adding rows; events keep arriving and are counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The events shown (the filter applies), one JSON object per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll to each new event; scrolling up stops, scrolling to the bottom resumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The oldest events are dropped beyond this many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 oldest dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused, %1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filtering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an event to see its data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>round trip %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARRIVED ALTHOUGH ITS SEND EXCLUDED THIS CONNECTION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export events as JSON lines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::HistoryModel</name>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::HistoryPage</name>
    <message>
        <source>The history is off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search event, channel and data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search event, channel, data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of sends listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open in composer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected send in the composer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected event again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the selected sends as JSON lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %n send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %n sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a send to see the request and the response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” to %2 — %3 in %4 ms — %5, %6%7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Trigger page is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %n send from the history? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %n sends from the history? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %n send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %n sends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export sends as JSON lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %n send to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %n sends to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::HistoryResend</name>
    <message>
        <source>A resend is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry cannot be sent again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resend “%1” to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resent “%1”: HTTP %2 in %3 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend of “%1” failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::InspectTab</name>
    <message>
        <source>Socket id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel_data signed (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only when you pasted just the auth value of a presence channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The auth endpoint&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste what the auth endpoint answered: {&quot;auth&quot;:&quot;key:signature&quot;, ...}, or just the auth value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Socket id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel_&amp;data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste an answer and give the socket id and channel it was for.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::JsonEditor</name>
    <message>
        <source>Raw text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format the JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indent the JSON, keeping member order and strings as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minify the JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the whitespace between tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send as raw text, not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the data as it is, even when it is not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw text: the data is sent as a plain string and is not checked as JSON. Subscribers that parse it as JSON will fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading… %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formatting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot format: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>body %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw text (this text is also valid JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw text: sent as a string that is not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>highlighting is off above %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::JsonText</name>
    <message>
        <source>the end of the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a control character (0x%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value (object, array, string, number, true, false or null)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string may not contain %1; escape it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>\u needs four hex digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown escape &apos;\%1&apos; in a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the string is not closed: a &apos;&quot;&apos; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a digit after &apos;.&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a digit in the exponent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strings take double quotes, not single quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is empty; JSON needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;,&apos; or &apos;}&apos; after an object member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;,&apos; or &apos;]&apos; after an array element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a trailing &apos;,&apos; before &apos;%1&apos; is not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a member name in double quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;:&apos; after the member name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected %1 after the end of the JSON value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::KeyringBanner</name>
    <message>
        <source>No system keyring answered (%1). Secrets are kept for this session only: they are forgotten when the console closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store in a file only I can read…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are stored unencrypted in %1, readable only by your user account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store secrets in a file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets will be written, unencrypted, to
%1
with permissions that let only your user account read it (mode 0600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other accounts on this machine cannot read it. Any program running as you can, and so can an administrator, and anyone with a copy of this disk or its backups: the protection of an SSH key file, not of a keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets file could not be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::MainWindow</name>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export profiles (without secrets)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch &amp;profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Apinator Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Apinator Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apinator Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::MessageBar</name>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::MonitorPage</name>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the socket id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the socket id (for the Trigger page&apos;s exclude field or the Auth tester)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions, client events and authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile: %1 (key %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret of %1 could not be read: %2; public channels work, private and presence need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server error %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile&apos;s secret is still being read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a profile in the sidebar first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no socket id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a profile with a key first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnected after %1 s without a connection (%2). Events published meanwhile did not arrive here; subscriptions are restored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::Navigation</name>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::PartsModule</name>
    <message>
        <source>the console&apos;s parts module is missing (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the console&apos;s parts module could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not the console&apos;s parts module: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 page is not available: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::ProfileActions</name>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new profile: fill in the app&apos;s credentials from its dashboard, then Save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept for this session only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets were not copied to “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “%1” for this session only: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo deleting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be restored: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored for this session only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported from %1. Complete the fields marked below, then Save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported, but the secrets could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported “%1” from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 profiles from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export holds no secrets: enter them on each profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 to %2. The file holds no secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles (*.json *.env .env*);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export profiles (without secrets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::ProfileClient</name>
    <message>
        <source>Select a profile in the sidebar first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the secret of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret of %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot call the REST API: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::ProfileForm</name>
    <message>
        <source>Ask before sending anything with this profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: when empty, the secret is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production profiles ask, naming the profile, before anything is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>123</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>app_key_1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the secret is used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a custom base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything to remember about this app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading from the keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eu, us or your cluster&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known clusters (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::ProfileSwitcher</name>
    <message>
        <source>Switch profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a profile&apos;s name or environment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching profiles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::ProfilesPage</name>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the profile (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile yet.
Add one with the + button, or import a .env file or an export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets of “%1” could not be stored: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept for this session only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a test request (list its channels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served by the console&apos;s built-in sandbox, starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served by the console&apos;s built-in sandbox on 127.0.0.1:%1, running while the console runs. Its app id, key and secrets are fixed: point your app or SDK at %2 with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served by the console&apos;s built-in sandbox, which is not running: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the app&apos;s channels with these credentials: it proves the address, the app id, the key and the secret together (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::ProfilesSidebar</name>
    <message>
        <source>App profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add profile (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move profile up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move profile down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a .env file or an export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export profiles (without secrets)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::RequestPreview</name>
    <message>
        <source>Request preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile&apos;s secret has not been read yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{base URL}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 more not shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sendable yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sign: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>String to sign:  </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body MD5:        </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature:       </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(HMAC-SHA256 of the string to sign with the secret of profile &quot;%1&quot;, which is not shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timestamp is taken again when you press Send.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::ResponseView</name>
    <message>
        <source>accepted: the event was published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request is malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signature was not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this key may not do that</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such app or path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the body is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the event was refused by validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many requests: slow down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Clock skew: the server&apos;s Date header is %1 %2 the timestamp sent (%3). Servers accept a few minutes either way; set this computer&apos;s clock (NTP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock skew: the server sent no Date header to compare with; check this computer&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong secret for this key: the secret stored in profile &quot;%1&quot; is not the one the server has for key %2. Copy the secret again from the dashboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body changed after signing: a proxy or middleware re-encoded the body, so its MD5 (%1) no longer matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing sent yet. Compose an event and press Send (Ctrl+Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: the request was stopped before an answer came.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 · %3 · %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (code %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likely causes, most likely first:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty body)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::SignTab</name>
    <message>
        <source>Socket id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence channel_data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build from a user id and user info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw JSON text, signed byte for byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User info (a JSON object)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw channel_data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>String to sign (separators marked, invisible bytes escaped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature: lowercase hex HMAC-SHA256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auth value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exact JSON your auth endpoint returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel_data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Socket id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a public channel: it needs no auth. Private channels start with &quot;private-&quot;, presence channels with &quot;presence-&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence channels are signed with channel_data: enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence channels are signed with channel_data: enter a user id (user_id must be a non-empty string).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing with the key and secret of profile &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a socket id and a channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the fields above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private-orders or presence-room</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::SmokeTest</name>
    <message>
        <source>%1: no display (DISPLAY and WAYLAND_DISPLAY are unset); run it with QT_QPA_PLATFORM=offscreen %1, or under a virtual display: xvfb-run %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::SnippetsPanel</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snippet language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the snippet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the snippet to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials come from APINATOR_APP_ID, APINATOR_KEY and APINATOR_SECRET in the environment: the secret is never in the snippet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is %1 bytes: Copy builds the snippet without showing it here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::StatusBarView</name>
    <message>
        <source>No profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::SubscriptionsPane</name>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel to subscribe to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel name, e.g. private-orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unsubscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe to the channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribe from the selected channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presence members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members of the selected presence channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a profile with a key first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a channel name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscribe (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a presence channel to see who is there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n member of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n members of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (me)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::TemplateBar</name>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>template name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the event name, channels and data under this name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the selected template the typed name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No template named &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a template to rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed &quot;%1&quot; to &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a template to delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::TimingWaterfall</name>
    <message>
        <source>Name lookup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::TriggerPage</name>
    <message>
        <source>Event name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event name, e.g. new-message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent names of this profile are in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket id to exclude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. 1234.5678: that connection does not get the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hannels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Socket id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profile selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an event name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: client-… names are for events sent by WebSocket clients; over REST it goes as any other name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A send is in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a profile first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile&apos;s secret is being read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is being checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is not valid JSON (%1); fix it or switch on Raw text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the event (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &quot;%1&quot; to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This send was not kept in the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::TriggerStore</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A template named &quot;%1&quot; exists already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No template named &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::VerdictView</name>
    <message>
        <source>Expected and provided values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid: a client would subscribe with this answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid: a client would be refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected auth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provided auth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected channel_data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered channel_data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secret of profile &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected string to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>String the signature was made from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usual mistake explains the signature, so the string it was made from is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::WebhookComposeTab</name>
    <message>
        <source>Signed headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>curl command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your webhook handler&apos;s URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;nd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the signed webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer headers and body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Headers&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;curl&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Send to&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen unix time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen timestamp, unix seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;gn again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign with the current time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen timestamp is not a whole number of unix seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose or type the webhook secret to sign with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give your handler&apos;s URL: an http:// or https:// address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose or type the webhook secret to sign with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 %2 in %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::WebhookInspectTab</name>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers and body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the whole request: an optional request line, the headers, a blank line, the body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: value, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body exactly as received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max age in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No freshness check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver&apos;s clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed unix time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed time, unix seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Causes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected and provided signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict of each SDK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SDK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events of the body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bytes signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Per SDK&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Events&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Signed bytes&lt;/b&gt;: timestamp + &quot;.&quot; + body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a webhook request to check it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>header line %1 is not &quot;Name: value&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the fixed time is not a whole number of unix seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid: every SDK accepts it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected: %1
provided: %2
timestamp: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change to the body explains the mismatch, so what the sender signed is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by this check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by the sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A batch of %n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, time_ms %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no timestamp)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::WebhookListenTab</name>
    <message>
        <source>Received requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captures are kept for this session only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused %1 %2 with %3 (not captured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarded to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>127.0.0.1 (this computer only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0.0.0.0 (every address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any free port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or stop the receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the sandbox&apos;s webhooks here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the sandbox&apos;s webhook URL to this receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete every capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward each new request to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward every new request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-signed, fresh timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay the selected request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay selected to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forwarding needs an http:// or https:// URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the receiver: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sandbox now sends its webhooks to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot point the sandbox here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture is not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a request and give an http:// or https:// URL to replay it to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-signing needs a secret: choose one in Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying to %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replayed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::WebhookSecretField</name>
    <message>
        <source>Secret source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typed secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Apinator::Ui::WebhooksPage</name>
    <message>
        <source>Webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook secret of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send with a production profile?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a production profile. %2 with it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whatever is sent reaches the real app and its users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t ask again for this profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock skew: none (the server&apos;s Date matches this machine&apos;s clock).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock skew: the server&apos;s clock is %1 ahead of this machine&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock skew: the server&apos;s clock is %1 behind this machine&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 %2 in %3 ms: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
