using System.Globalization;
using System.Text.RegularExpressions;

namespace DockerReorder.Engine.Tests.Harness;

/// <summary>Reads BuildKit's <c>--progress plain</c> output into steps.</summary>
public static partial class BuildLog
{
    /// <summary>The Dockerfile steps (not <c>[internal]</c> ones), ordered by stage label then position.</summary>
    /// <param name="log">The plain progress output.</param>
    public static IReadOnlyList<BuildStep> Parse(string log)
    {
        var headers = new Dictionary<int, (string Stage, int Index, string Text)>();
        var cached = new HashSet<int>();
        var failed = new HashSet<int>();
        foreach (var rawLine in log.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var header = HeaderPattern().Match(line);
            if (header.Success)
            {
                var vertex = int.Parse(header.Groups["vertex"].Value, CultureInfo.InvariantCulture);
                headers.TryAdd(vertex, (header.Groups["stage"].Value, int.Parse(header.Groups["index"].Value, CultureInfo.InvariantCulture), header.Groups["text"].Value));
                continue;
            }

            var status = StatusPattern().Match(line);
            if (status.Success)
            {
                var vertex = int.Parse(status.Groups["vertex"].Value, CultureInfo.InvariantCulture);
                if (status.Groups["status"].Value == "CACHED")
                {
                    cached.Add(vertex);
                }
                else
                {
                    failed.Add(vertex);
                }
            }
        }

        return headers
            .Select(h => new BuildStep(h.Key, h.Value.Stage, h.Value.Index, h.Value.Text, cached.Contains(h.Key), failed.Contains(h.Key)))
            .OrderBy(s => s.Stage, StringComparer.Ordinal)
            .ThenBy(s => s.Index)
            .ToList();
    }

    // "#7 [3/5] COPY . ./" and "#7 [builder 3/5] COPY . ./"; "[internal] load ..." has no index. From ten steps on
    // BuildKit pads the index to the total's width: "#5 [ 4/14] RUN ..." and "#5 [builder  4/14] RUN ...".
    [GeneratedRegex(@"^#(?<vertex>\d+) \[(?:(?<stage>[^\]\s]+) +)? *(?<index>\d+)/\d+\] (?<text>.*)$")]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"^#(?<vertex>\d+) (?<status>CACHED|ERROR)\b")]
    private static partial Regex StatusPattern();
}
