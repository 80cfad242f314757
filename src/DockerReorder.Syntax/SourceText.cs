using System.Text;

namespace DockerReorder.Syntax;

/// <summary>
/// The text of a Dockerfile, decoded from bytes without loss.
/// Valid UTF-8 decodes as usual; every byte that is not part of a valid UTF-8 sequence
/// decodes to the lone surrogate <c>U+DC00 + byte</c> (Python's "surrogateescape"), so
/// <see cref="ToBytes"/> returns the original bytes for every input, including binary junk.
/// Offsets everywhere in the tree are character offsets into <see cref="Text"/>.
/// </summary>
public sealed class SourceText
{
    private int[]? _lineStarts;
    private string? _newLine;

    // The parse session that makes instructions' tokens on first access, kept for the next instruction of this text.
    internal Parsing.ParserSession? TokenRebuilder;

    // The escape character the parse found in this text's directives (the same for every parse of it): instructions read with it
    // again, so no node keeps its own copy.
    internal char Escape = '\\';

    private SourceText(string text, bool hasBom)
    {
        Text = text;
        HasByteOrderMark = hasBom;
    }

    /// <summary>The decoded text (including a leading U+FEFF when the input had a UTF-8 BOM).</summary>
    public string Text { get; }

    /// <summary>Number of characters.</summary>
    public int Length => Text.Length;

    /// <summary>True when the input started with the UTF-8 byte order mark.</summary>
    public bool HasByteOrderMark { get; }

    /// <summary>The line break the file mostly uses: <c>"\r\n"</c> when CRLF lines outnumber LF-only lines, else <c>"\n"</c>.</summary>
    public string NewLine => _newLine ??= CountNewLine();

    // Counted once and cached: every fix asks, and on a 5 MiB file the rescans were a fifth of the run.
    private string CountNewLine()
    {
        int crlf = 0, lf = 0;
        var t = Text.AsSpan();
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i] != '\n') continue;
            if (i > 0 && t[i - 1] == '\r') crlf++; else lf++;
        }
        return crlf > lf ? "\r\n" : "\n";
    }

    /// <summary>Decodes <paramref name="bytes"/> losslessly.</summary>
    public static SourceText From(ReadOnlySpan<byte> bytes)
    {
        bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        return new SourceText(Decode(bytes), bom);
    }

    /// <summary>Wraps text that is already decoded (for example a string built by a fix).</summary>
    public static SourceText From(string text) =>
        new(text, text.Length > 0 && text[0] == '\uFEFF');

    /// <summary>Encodes the text back to the exact bytes it was decoded from.</summary>
    public byte[] ToBytes() => Encode(Text);

    /// <summary>Encodes any text produced from a <see cref="SourceText"/> back to bytes, restoring escaped bytes.</summary>
    public static byte[] Encode(string text)
    {
        var span = text.AsSpan();
        // Fast path: no lone escape surrogates, so plain UTF-8 is exact.
        int firstEscape = IndexOfEscape(span);
        if (firstEscape < 0) return Encoding.UTF8.GetBytes(text);
        var output = new List<byte>(text.Length + 16);
        int runStart = 0;
        for (int i = 0; i < span.Length; i++)
        {
            char c = span[i];
            if (IsEscape(span, i))
            {
                AppendUtf8(output, span[runStart..i]);
                output.Add((byte)(c - 0xDC00));
                runStart = i + 1;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
        }
        AppendUtf8(output, span[runStart..]);
        return output.ToArray();
    }

    private static void AppendUtf8(List<byte> output, ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty) return;
        var buffer = new byte[Encoding.UTF8.GetMaxByteCount(chars.Length)];
        int n = Encoding.UTF8.GetBytes(chars, buffer);
        for (int i = 0; i < n; i++) output.Add(buffer[i]);
    }

    private static int IndexOfEscape(ReadOnlySpan<char> span)
    {
        for (int i = 0; i < span.Length; i++)
        {
            if (IsEscape(span, i)) return i;
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1])) i++;
        }
        return -1;
    }

    // A lone low surrogate in U+DC80..U+DCFF (not preceded by a high surrogate) stands for one raw byte.
    private static bool IsEscape(ReadOnlySpan<char> span, int i) =>
        span[i] >= '\uDC80' && span[i] <= '\uDCFF' && (i == 0 || !char.IsHighSurrogate(span[i - 1]));

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        // Cold (JIT, first calls) GetString took ~55 ms on a 5 MB file with a few non-ASCII bytes, count-then-decode ~2 ms.
        if (System.Text.Unicode.Utf8.IsValid(bytes))
            return string.Create(Encoding.UTF8.GetCharCount(bytes), bytes, static (chars, source) =>
            {
                LargeTextPages.Advise(chars);
                Encoding.UTF8.GetChars(source, chars);
            });
        // Decode valid runs in bulk; stop at each ill-formed byte (UTF-16 never needs more units than UTF-8 bytes).
        var buffer = new char[bytes.Length];
        int i = 0, w = 0;
        while (i < bytes.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes[i..], buffer.AsSpan(w), out int read, out int written,
                replaceInvalidSequences: false);
            i += read;
            w += written;
            if (status == System.Buffers.OperationStatus.Done || i >= bytes.Length) break;
            int len = ValidSequenceLength(bytes[i..]);
            if (len > 0)
            {
                w += Encoding.UTF8.GetChars(bytes.Slice(i, len), buffer.AsSpan(w));
                i += len;
            }
            else
            {
                buffer[w++] = (char)(0xDC00 + bytes[i]);
                i++;
            }
        }
        return new string(buffer, 0, w);
    }

    // Length of the well-formed UTF-8 sequence at the start of s, or 0 when the first byte does not start one.
    private static int ValidSequenceLength(ReadOnlySpan<byte> s)
    {
        byte b0 = s[0];
        if (b0 < 0x80) return 1;
        int need; int min;
        if (b0 >= 0xC2 && b0 <= 0xDF) { need = 2; min = 0x80; }
        else if (b0 >= 0xE0 && b0 <= 0xEF) { need = 3; min = 0x800; }
        else if (b0 >= 0xF0 && b0 <= 0xF4) { need = 4; min = 0x10000; }
        else return 0;
        if (s.Length < need) return 0;
        int cp = b0 & (0xFF >> (need + 1));
        for (int k = 1; k < need; k++)
        {
            if ((s[k] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (s[k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        return need;
    }

    /// <summary>True when the input contained bytes that are not valid UTF-8.</summary>
    public bool HasInvalidUtf8 => IndexOfEscape(Text.AsSpan()) >= 0;

    /// <summary>The 1-based line and column of a character offset.</summary>
    public LinePosition GetLinePosition(int offset)
    {
        var starts = LineStarts;
        int idx = Array.BinarySearch(starts, offset);
        if (idx < 0) idx = ~idx - 1;
        return new LinePosition(idx + 1, offset - starts[idx] + 1);
    }

    /// <summary>Offsets at which each line starts. As in BuildKit (Go's bufio.ScanLines) only LF ends a line; a lone CR is an ordinary character.</summary>
    public int[] LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    // Counts first (vectorised) so the array is allocated once, then fills it with vectorised searches.
    private static int[] ComputeLineStarts(string text)
    {
        var span = text.AsSpan();
        var starts = new int[span.Count('\n') + 1];
        int line = 1;
        for (int p = span.IndexOf('\n'); p >= 0;)
        {
            starts[line++] = p + 1;
            int next = span[(p + 1)..].IndexOf('\n');
            p = next < 0 ? -1 : p + 1 + next;
        }
        return starts;
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
