using System.Collections.Frozen;

namespace Octopilot.Vehicle.Can.Dbc;

/// <summary>The state of one parse: the messages so far, the message signals attach to, the errors. One use.</summary>
internal sealed partial class DbcParseSession(string sourceName)
{
    /// <summary>The DBC flag for a 29-bit identifier in a <c>BO_</c> id.</summary>
    private const uint ExtendedIdFlag = 0x8000_0000;

    /// <summary>Vector's pseudo message for signals not placed in any frame; it is not a CAN message.</summary>
    private const uint IndependentSignalsMessageId = 0xC000_0000;

    /// <summary>Statements outside the subset: skipped whole (they may carry multi-line strings).</summary>
    private static readonly FrozenSet<string> SkippedKeywords = new[]
    {
        "VERSION", "BS_", "CM_", "BA_DEF_", "BA_DEF_DEF_", "BA_", "VAL_TABLE_", "SIG_GROUP_", "BO_TX_BU_", "EV_",
        "ENVVAR_DATA_", "SGTYPE_", "SGTYPE_VAL_", "BA_DEF_SGTYPE_", "BA_SGTYPE_", "SIG_TYPE_REF_", "SIGTYPE_VALTYPE_",
        "BA_DEF_REL_", "BA_REL_", "BA_DEF_DEF_REL_", "BU_SG_REL_", "BU_EV_REL_", "BU_BO_REL_", "SG_MUL_VAL_",
        "CAT_DEF_", "CAT_", "FILTER", "NS_DESC_", "EV_DATA_",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly List<DbcParseError> _errors = [];
    private readonly List<MessageBuilder> _messages = [];
    private readonly Dictionary<ulong, MessageBuilder> _messagesById = [];
    private readonly List<string> _nodes = [];
    private MessageBuilder? _current;
    private bool _skippingIndependentSignals;
    private bool _inNewSymbols;
    private bool _insideSkippedString;
    private int _line;
    private int _skippedStringLine;
    private string _skippedStringText = string.Empty;

    public void Line(ReadOnlySpan<char> text, int lineNumber)
    {
        _line = lineNumber;
        if (_insideSkippedString)
        {
            // A skipped statement's string runs on: stay skipping until its closing quote.
            _insideSkippedString = !HasOddQuotes(text);
            return;
        }

        var cursor = new DbcCursor(text);
        if (cursor.AtEnd || cursor.Rest.StartsWith("//"))
        {
            return;
        }

        bool indented = char.IsWhiteSpace(text[0]);
        if (_inNewSymbols && indented)
        {
            return; // the NS_ block lists symbol names, one per indented line
        }

        _inNewSymbols = false;
        if (!cursor.TryIdentifier(out string keyword))
        {
            Fail(text, "expected a DBC keyword (BO_, SG_, VAL_, CM_, BA_, ...) at the start of the line");
            return;
        }

        switch (keyword)
        {
            case "NS_":
                _inNewSymbols = true;
                break;
            case "BU_":
                Nodes(text, ref cursor);
                break;
            case "BO_":
                Message(text, ref cursor);
                break;
            case "SG_":
                Signal(text, ref cursor);
                break;
            case "VAL_":
                ValueDescriptions(text, ref cursor);
                break;
            case "SIG_VALTYPE_":
                SignalValueType(text, ref cursor);
                break;
            default:
                if (SkippedKeywords.Contains(keyword))
                {
                    _insideSkippedString = HasOddQuotes(text);
                    if (_insideSkippedString)
                    {
                        _skippedStringLine = lineNumber;
                        _skippedStringText = text.ToString();
                    }
                }
                else
                {
                    Fail(text, $"expected a DBC keyword, found '{keyword}' (supported: BO_, SG_, VAL_, BU_, SIG_VALTYPE_; skipped: CM_, BA_DEF_, BA_, VAL_TABLE_, ...)");
                }

                break;
        }
    }

    public DbcFile Finish()
    {
        if (_insideSkippedString)
        {
            _errors.Add(new DbcParseError(sourceName, _skippedStringLine, _skippedStringText,
                "expected a closing '\"': a string opened in a skipped statement runs to the end of the file"));
        }

        if (_errors.Count > 0)
        {
            throw new DbcParseException(_errors);
        }

        var messages = _messages.Select(m => new DbcMessage(sourceName, m.Id, m.IsExtended, m.Name, m.SizeBytes, m.Transmitter, m.LineNumber, m.Signals)).ToList();
        return new DbcFile(sourceName, messages, _nodes);
    }

    private void Nodes(ReadOnlySpan<char> text, ref DbcCursor cursor)
    {
        if (!cursor.TryChar(':'))
        {
            Fail(text, "expected ':' after BU_");
            return;
        }

        while (cursor.TryIdentifier(out string node))
        {
            _nodes.Add(node);
        }

        if (!cursor.AtEnd)
        {
            Fail(text, "expected node names (identifiers) after BU_:");
        }
    }

    private void Message(ReadOnlySpan<char> text, ref DbcCursor cursor)
    {
        _current = null;
        _skippingIndependentSignals = false;
        if (!cursor.TryUnsigned(out ulong rawId) || rawId > uint.MaxValue)
        {
            Fail(text, "expected a message id (unsigned 32-bit integer) after BO_");
            return;
        }

        if (!cursor.TryIdentifier(out string name))
        {
            Fail(text, "expected a message name (identifier) after the id");
            return;
        }

        if (!cursor.TryChar(':'))
        {
            Fail(text, $"expected ':' after message name {name}");
            return;
        }

        if (!cursor.TryUnsigned(out ulong size) || size > DbcParser.MaxMessageBytes)
        {
            Fail(text, $"expected the message size in bytes (0..{DbcParser.MaxMessageBytes}) after ':'");
            return;
        }

        string transmitter = cursor.TryIdentifier(out string node) ? node : string.Empty;
        if (!cursor.AtEnd)
        {
            Fail(text, "expected nothing after the transmitter node");
            return;
        }

        if ((uint)rawId == IndependentSignalsMessageId)
        {
            _skippingIndependentSignals = true; // its signals belong to no frame
            return;
        }

        bool extended = (rawId & ExtendedIdFlag) != 0;
        uint id = (uint)rawId & ~ExtendedIdFlag;
        if (!extended && id > 0x7FF)
        {
            Fail(text, $"expected a standard id ≤ 0x7FF (got 0x{id:X}); a 29-bit id carries the DBC's extended flag 0x80000000");
            return;
        }

        if (extended && id > 0x1FFF_FFFF)
        {
            Fail(text, $"expected an extended id ≤ 0x1FFFFFFF (got 0x{id:X} after removing the extended flag)");
            return;
        }

        ulong key = id | (extended ? 1UL << 32 : 0);
        if (_messagesById.TryGetValue(key, out MessageBuilder? first))
        {
            Fail(text, $"expected each message id once: 0x{id:X} is already {first.Name} on line {first.LineNumber}");
            return;
        }

        _current = new MessageBuilder(id, extended, name, (int)size, transmitter, _line);
        _messages.Add(_current);
        _messagesById[key] = _current;
    }

    private void ValueDescriptions(ReadOnlySpan<char> text, ref DbcCursor cursor)
    {
        if (!cursor.TryUnsigned(out ulong rawId))
        {
            return; // VAL_ of an environment variable (name, no message id): outside the subset
        }

        if (!cursor.TryIdentifier(out string signalName))
        {
            Fail(text, "expected a signal name after the message id of VAL_");
            return;
        }

        var descriptions = new Dictionary<long, string>();
        while (!cursor.TryChar(';'))
        {
            if (cursor.AtEnd)
            {
                Fail(text, "expected ';' at the end of VAL_");
                return;
            }

            if (!cursor.TryNumber(out double value) || value != Math.Floor(value) || Math.Abs(value) > 9.2e18)
            {
                Fail(text, "expected an integer raw value in VAL_");
                return;
            }

            if (!cursor.TryQuoted(out string description))
            {
                Fail(text, $"expected a quoted description after value {value} in VAL_");
                return;
            }

            descriptions[(long)value] = description;
        }

        if (FindSignal(text, rawId, signalName, "VAL_") is { } signal)
        {
            signal.ValueDescriptions = descriptions;
        }
    }

    private void SignalValueType(ReadOnlySpan<char> text, ref DbcCursor cursor)
    {
        if (!cursor.TryUnsigned(out ulong rawId) || !cursor.TryIdentifier(out string signalName) || !cursor.TryChar(':')
            || !cursor.TryUnsigned(out ulong valueType) || valueType > 2 || !cursor.TryChar(';'))
        {
            Fail(text, "expected SIG_VALTYPE_ <message id> <signal> : <0|1|2> ;");
            return;
        }

        if (FindSignal(text, rawId, signalName, "SIG_VALTYPE_") is { } signal)
        {
            signal.IsFloat = valueType != 0;
        }
    }

    private DbcSignal? FindSignal(ReadOnlySpan<char> text, ulong rawId, string signalName, string keyword)
    {
        if ((uint)rawId == IndependentSignalsMessageId)
        {
            return null;
        }

        bool extended = (rawId & ExtendedIdFlag) != 0;
        ulong key = (rawId & ~(ulong)ExtendedIdFlag) | (extended ? 1UL << 32 : 0);
        if (!_messagesById.TryGetValue(key, out MessageBuilder? message))
        {
            Fail(text, $"expected {keyword} to name a message defined by a BO_ above (no message has id {rawId})");
            return null;
        }

        DbcSignal? signal = message.Signals.Find(s => s.Name == signalName);
        if (signal is null)
        {
            Fail(text, $"expected {keyword} to name a signal of {message.Name} (line {message.LineNumber}); it has no '{signalName}'");
        }

        return signal;
    }

    private void Fail(ReadOnlySpan<char> text, string problem)
    {
        if (_errors.Count < DbcParser.MaxReportedErrors)
        {
            _errors.Add(new DbcParseError(sourceName, _line, text.ToString(), problem));
        }
    }

    private static bool HasOddQuotes(ReadOnlySpan<char> text)
    {
        bool odd = false;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                odd = !odd;
            }
        }

        return odd;
    }

    private sealed class MessageBuilder(uint id, bool isExtended, string name, int sizeBytes, string transmitter, int lineNumber)
    {
        public uint Id { get; } = id;

        public bool IsExtended { get; } = isExtended;

        public string Name { get; } = name;

        public int SizeBytes { get; } = sizeBytes;

        public string Transmitter { get; } = transmitter;

        public int LineNumber { get; } = lineNumber;

        public List<DbcSignal> Signals { get; } = [];
    }
}
