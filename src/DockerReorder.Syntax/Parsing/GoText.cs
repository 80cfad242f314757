namespace DockerReorder.Syntax.Parsing;

/// <summary>Character classes and trims as Go's standard library defines them, on UTF-16 text.</summary>
internal static class GoText
{
    /// <summary>Go's <c>unicode.IsSpace</c> (the Unicode White_Space property; .NET agrees on every character that matters here).</summary>
    public static bool IsSpace(char c) => c <= ' ' ? c == ' ' || (c >= '\t' && c <= '\r') : c >= '\u0085' && char.IsWhiteSpace(c);

    /// <summary>BuildKit's <c>[\t\v\f\r ]</c> class (tokenWhitespace / reWhitespace).</summary>
    public static bool IsTokenWhitespace(char c) => c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';

    /// <summary>RE2's <c>\s</c>: <c>[\t\n\f\r ]</c>.</summary>
    public static bool IsRegexSpace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';

    /// <summary>True for a lone low surrogate that stands for one invalid UTF-8 byte (see <see cref="SourceText"/>).</summary>
    public static bool IsEscapedByte(string s, int i) =>
        s[i] >= '\uDC80' && s[i] <= '\uDCFF' && (i == 0 || !char.IsHighSurrogate(s[i - 1]));

    /// <summary>Start of <c>strings.TrimSpace</c> applied to <c>s[start..end)</c>.</summary>
    public static int TrimStart(string s, int start, int end)
    {
        while (start < end && IsSpace(s[start])) start++;
        return start;
    }

    /// <summary>End of <c>strings.TrimSpace</c> applied to <c>s[start..end)</c>.</summary>
    public static int TrimEnd(string s, int start, int end)
    {
        while (end > start && IsSpace(s[end - 1])) end--;
        return end;
    }

    /// <summary>Number of UTF-8 bytes <c>s[start..end)</c> stood for in the input.</summary>
    public static long Utf8Length(string s, int start, int end)
    {
        long n = 0;
        for (int i = start; i < end; i++)
        {
            char c = s[i];
            if (c < 0x80) n += 1;
            else if (c < 0x800) n += 2;
            else if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(s[i + 1])) { n += 4; i++; }
            else if (IsEscapedByte(s, i)) n += 1;
            else n += 3;
        }
        return n;
    }
}
