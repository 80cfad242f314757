using System.Text;

namespace DockerReorder.Syntax.Parsing;

/// <summary>What BuildKit's <c>parseJSON</c> concluded about an argument text.</summary>
internal enum JsonArrayStatus
{
    /// <summary>A JSON array of strings (exec form).</summary>
    Strings,
    /// <summary>Valid JSON array holding something other than a string: BuildKit rejects the file.</summary>
    NotStringArray,
    /// <summary>Not a JSON array (or invalid JSON): BuildKit falls back to shell form.</summary>
    Invalid,
}

/// <summary>
/// BuildKit's <c>parseJSON</c>: the text (after leading white space) must start with <c>[</c> and decode, as
/// Go's <c>json.Decoder</c> does, to one array; text after the closing bracket is ignored. Iterative, so deep
/// nesting cannot overflow the stack (Go stops at depth 10000).
/// </summary>
internal static class JsonArrayReader
{
    private const int MaxDepth = 10000;


    /// <summary>Reads <c>s[start..end)</c>. On <see cref="JsonArrayStatus.Strings"/>, <paramref name="elements"/> holds one piece per element (quotes included) and <paramref name="arrayEnd"/> is just past <c>]</c>.</summary>
    public static JsonArrayStatus Read(string s, int start, int end, List<ArgumentPiece> elements, out int arrayStart, out int arrayEnd) =>
        Read(s, start, end, elements, out arrayStart, out arrayEnd, new ParseScratch());

    /// <summary>
    /// <see cref="Read(string, int, int, List{ArgumentPiece}, out int, out int)"/> with reusable buffers; without
    /// <paramref name="makeValues"/> the elements are located but their values are left empty (the status is the same).
    /// </summary>
    public static JsonArrayStatus Read(string s, int start, int end, List<ArgumentPiece> elements, out int arrayStart, out int arrayEnd, ParseScratch scratch,
        bool makeValues = true)
    {
        arrayEnd = -1;
        int p = GoText.TrimStart(s, start, end);
        arrayStart = p;
        if (p >= end || s[p] != '[') return JsonArrayStatus.Invalid;
        var stack = scratch.JsonStack; // true = object
        stack.Clear();
        bool allStrings = true;
        var sb = scratch.JsonString;
        stack.Push(false);
        p++;
        // States: 0 value-or-close, 1 value, 2 comma-or-close, 3 key-or-close, 4 key, 5 colon, 6 (object) value
        int state = 0;
        while (true)
        {
            p = SkipWs(s, p, end);
            if (p >= end) return JsonArrayStatus.Invalid;
            char c = s[p];
            bool isObject = stack.Peek();
            switch (state)
            {
                case 0:
                case 1:
                case 6:
                    if (state == 0 && c == ']') { p++; if (Close(stack, ref state)) goto done; continue; }
                    {
                        bool top = stack.Count == 1 && state != 6;
                        int valueStart = p;
                        if (c == '[' || c == '{')
                        {
                            if (stack.Count >= MaxDepth) return JsonArrayStatus.Invalid;
                            stack.Push(c == '{');
                            state = c == '{' ? 3 : 0;
                            if (top) allStrings = false;
                            p++;
                            continue;
                        }
                        if (c == '"')
                        {
                            sb.Clear();
                            if (!ReadString(s, ref p, end, sb)) return JsonArrayStatus.Invalid;
                            if (top) elements.Add(new ArgumentPiece(valueStart, p, makeValues ? sb.ToString() : string.Empty));
                        }
                        else
                        {
                            if (!ReadScalar(s, ref p, end)) return JsonArrayStatus.Invalid;
                            if (top) allStrings = false;
                        }
                        state = 2;
                        continue;
                    }
                case 2:
                    if (c == ',') { p++; state = isObject ? 4 : 1; continue; }
                    if ((c == ']' && !isObject) || (c == '}' && isObject)) { p++; if (Close(stack, ref state)) goto done; continue; }
                    return JsonArrayStatus.Invalid;
                case 3:
                case 4:
                    if (state == 3 && c == '}') { p++; if (Close(stack, ref state)) goto done; continue; }
                    if (c != '"') return JsonArrayStatus.Invalid;
                    sb.Clear();
                    if (!ReadString(s, ref p, end, sb)) return JsonArrayStatus.Invalid;
                    state = 5;
                    continue;
                case 5:
                    if (c != ':') return JsonArrayStatus.Invalid;
                    p++;
                    state = 6;
                    continue;
            }
        }
    done:
        arrayEnd = p;
        return allStrings ? JsonArrayStatus.Strings : JsonArrayStatus.NotStringArray;
    }

    // Pops a container; true when the top-level array closed.
    private static bool Close(Stack<bool> stack, ref int state)
    {
        stack.Pop();
        if (stack.Count == 0) return true;
        state = 2;
        return false;
    }

    private static int SkipWs(string s, int p, int end)
    {
        while (p < end && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r')) p++;
        return p;
    }

    private static bool ReadString(string s, ref int p, int end, StringBuilder sb)
    {
        p++; // opening quote
        while (p < end)
        {
            char c = s[p];
            if (c == '"') { p++; return true; }
            if (c < 0x20) return false;
            if (c == '\\')
            {
                if (p + 1 >= end) return false;
                char e = s[p + 1];
                p += 2;
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        {
                            int u = Hex4(s, p, end);
                            if (u < 0) return false;
                            p += 4;
                            if (u >= 0xD800 && u <= 0xDFFF)
                            {
                                int low = p + 1 < end && s[p] == '\\' && s[p + 1] == 'u' ? Hex4(s, p + 2, end) : -1;
                                if (u <= 0xDBFF && low >= 0xDC00 && low <= 0xDFFF)
                                {
                                    sb.Append((char)u).Append((char)low);
                                    p += 6;
                                }
                                else sb.Append('\uFFFD');
                            }
                            else sb.Append((char)u);
                            break;
                        }
                    default: return false;
                }
                continue;
            }
            if (char.IsHighSurrogate(c) && p + 1 < end && char.IsLowSurrogate(s[p + 1]))
            {
                sb.Append(c).Append(s[p + 1]);
                p += 2;
                continue;
            }
            sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c); // invalid UTF-8 decodes to U+FFFD in Go
            p++;
        }
        return false;
    }

    private static int Hex4(string s, int p, int end)
    {
        if (p + 4 > end) return -1;
        int v = 0;
        for (int i = 0; i < 4; i++)
        {
            int d = HexDigit(s[p + i]);
            if (d < 0) return -1;
            v = (v << 4) | d;
        }
        return v;
    }

    private static int HexDigit(char c) =>
        c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

    private static bool ReadScalar(string s, ref int p, int end)
    {
        foreach (var literal in Literals)
        {
            if (string.CompareOrdinal(s, p, literal, 0, literal.Length) == 0 && p + literal.Length <= end)
            {
                p += literal.Length;
                return true;
            }
        }
        int q = p;
        if (q < end && s[q] == '-') q++;
        if (q >= end) return false;
        if (s[q] == '0') q++;
        else if (s[q] >= '1' && s[q] <= '9') { while (q < end && char.IsAsciiDigit(s[q])) q++; }
        else return false;
        if (q < end && s[q] == '.')
        {
            q++;
            if (q >= end || !char.IsAsciiDigit(s[q])) return false;
            while (q < end && char.IsAsciiDigit(s[q])) q++;
        }
        if (q < end && (s[q] == 'e' || s[q] == 'E'))
        {
            q++;
            if (q < end && (s[q] == '+' || s[q] == '-')) q++;
            if (q >= end || !char.IsAsciiDigit(s[q])) return false;
            while (q < end && char.IsAsciiDigit(s[q])) q++;
        }
        p = q;
        return true;
    }

    private static readonly string[] Literals = ["true", "false", "null"];
}
