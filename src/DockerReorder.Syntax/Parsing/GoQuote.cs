using System.Globalization;
using System.Text;

namespace DockerReorder.Syntax.Parsing;

/// <summary>Go's <c>strconv.Quote</c>, on text decoded by <see cref="SourceText"/> (escaped bytes print as <c>\xNN</c>).</summary>
internal static class GoQuote
{
    /// <summary>Appends <paramref name="s"/> as a Go double-quoted string literal.</summary>
    public static void Append(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c >= 0x20 && c < 0x7F)
            {
                if (c == '"' || c == '\\') sb.Append('\\');
                sb.Append(c);
                continue;
            }
            if (GoText.IsEscapedByte(s, i))
            {
                sb.Append("\\x").Append(((int)(c - 0xDC00)).ToString("x2", CultureInfo.InvariantCulture));
                continue;
            }
            int cp = c;
            int width = 1;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(c, s[i + 1]);
                width = 2;
            }
            else if (char.IsSurrogate(c))
            {
                cp = 0xFFFD; // not valid UTF-8 in Go either
            }
            switch (cp)
            {
                case 7: sb.Append("\\a"); break;
                case 8: sb.Append("\\b"); break;
                case 0xC: sb.Append("\\f"); break;
                case 0xA: sb.Append("\\n"); break;
                case 0xD: sb.Append("\\r"); break;
                case 9: sb.Append("\\t"); break;
                case 0xB: sb.Append("\\v"); break;
                default:
                    if (cp < 0x20 || cp == 0x7F)
                        sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
                    else if (IsPrint(cp))
                        sb.Append(s, i, width);
                    else if (cp < 0x10000)
                        sb.Append("\\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture));
                    else
                        sb.Append("\\U").Append(cp.ToString("x8", CultureInfo.InvariantCulture));
                    break;
            }
            i += width - 1;
        }
        sb.Append('"');
    }

    /// <summary>Returns <paramref name="s"/> as a Go double-quoted string literal.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        Append(sb, s);
        return sb.ToString();
    }

    // Go's unicode.IsPrint for non-ASCII: letters, marks, numbers, punctuation and symbols.
    private static bool IsPrint(int cp)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(cp))
        {
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
                return false;
            default:
                return true;
        }
    }
}
