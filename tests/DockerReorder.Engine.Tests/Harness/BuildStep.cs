namespace DockerReorder.Engine.Tests.Harness;

/// <summary>One Dockerfile step as BuildKit's plain progress log reports it.</summary>
/// <param name="Vertex">The log's vertex number (<c>#7</c>).</param>
/// <param name="Stage">The stage name in brackets, or empty for an unnamed stage.</param>
/// <param name="Index">The step's position in its stage (the 3 of <c>[3/5]</c>).</param>
/// <param name="Text">The instruction text BuildKit printed (<c>RUN apk add gcc</c>).</param>
/// <param name="Cached">True when the log says <c>CACHED</c> for it.</param>
/// <param name="Failed">True when the log says <c>ERROR</c> for it.</param>
public sealed record BuildStep(int Vertex, string Stage, int Index, string Text, bool Cached, bool Failed)
{
    /// <summary>The instruction keyword in upper case (<c>RUN</c>, <c>COPY</c>, <c>FROM</c>).</summary>
    public string Keyword => Text.Split(' ', 2)[0].ToUpperInvariant();
}
