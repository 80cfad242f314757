namespace DockerReorder.Syntax;

/// <summary>What a token is.</summary>
public enum SyntaxTokenKind
{
    /// <summary>The instruction keyword, as written (any casing).</summary>
    Keyword,
    /// <summary>A flag such as <c>--chown=app:app</c>.</summary>
    Flag,
    /// <summary>An argument word (shell form) or the whole argument text of a single-string instruction.</summary>
    Argument,
    /// <summary>A JSON (exec form) array, brackets included.</summary>
    JsonArray,
    /// <summary>A heredoc body including its terminator line.</summary>
    HeredocBody,
}
