namespace DockerReorder.Analysis.Catalogue.Manifests;

/// <summary>A light scan of XML manifests (project files, POMs) for element attributes and texts; not a full XML parser.</summary>
internal static class XmlAttributes
{
    /// <summary>The values of <paramref name="attribute"/> on every <paramref name="element"/> start tag.</summary>
    internal static IEnumerable<string> Values(string content, string element, string attribute)
    {
        foreach (var tag in StartTags(content, element))
        {
            if (Attribute(tag, attribute) is { } value)
            {
                yield return value;
            }
        }
    }

    /// <summary>The attribute text of every <paramref name="element"/> start tag (what lies between the name and <c>&gt;</c>).</summary>
    internal static IEnumerable<string> StartTags(string content, string element)
    {
        var open = "<" + element;
        var index = 0;
        while ((index = content.IndexOf(open, index, StringComparison.Ordinal)) >= 0)
        {
            index += open.Length;
            if (index >= content.Length || !char.IsWhiteSpace(content[index]))
            {
                continue;
            }

            var end = content.IndexOf('>', index);
            if (end < 0)
            {
                yield break;
            }

            yield return content[index..end];
            index = end;
        }
    }

    /// <summary>The value of <paramref name="attribute"/> in a start tag's attribute text, or null.</summary>
    internal static string? Attribute(string tag, string attribute)
    {
        var name = tag.IndexOf(attribute + "=", StringComparison.Ordinal);
        while (name > 0 && !char.IsWhiteSpace(tag[name - 1]))
        {
            name = tag.IndexOf(attribute + "=", name + 1, StringComparison.Ordinal);
        }

        if (name < 0)
        {
            return null;
        }

        var quoteAt = name + attribute.Length + 1;
        if (quoteAt < tag.Length && tag[quoteAt] is '"' or '\'')
        {
            var close = tag.IndexOf(tag[quoteAt], quoteAt + 1);
            if (close > quoteAt)
            {
                return tag[(quoteAt + 1)..close];
            }
        }

        return null;
    }

    /// <summary>The trimmed texts of every <c>&lt;element&gt;text&lt;/element&gt;</c>.</summary>
    internal static IEnumerable<string> Texts(string content, string element)
    {
        var open = "<" + element + ">";
        var close = "</" + element + ">";
        var index = 0;
        while ((index = content.IndexOf(open, index, StringComparison.Ordinal)) >= 0)
        {
            var start = index + open.Length;
            var end = content.IndexOf(close, start, StringComparison.Ordinal);
            if (end < 0)
            {
                yield break;
            }

            yield return content[start..end].Trim();
            index = end + close.Length;
        }
    }
}
