namespace DockerReorder.Syntax;

/// <summary>The instruction keywords of the Dockerfile reference; <see cref="Unknown"/> for anything else.</summary>
public enum InstructionKind
{
    /// <summary>A keyword the Dockerfile reference does not define (kept, reported).</summary>
    Unknown,
    /// <summary><c>FROM</c></summary>
    From,
    /// <summary><c>RUN</c></summary>
    Run,
    /// <summary><c>CMD</c></summary>
    Cmd,
    /// <summary><c>LABEL</c></summary>
    Label,
    /// <summary><c>MAINTAINER</c></summary>
    Maintainer,
    /// <summary><c>EXPOSE</c></summary>
    Expose,
    /// <summary><c>ENV</c></summary>
    Env,
    /// <summary><c>ADD</c></summary>
    Add,
    /// <summary><c>COPY</c></summary>
    Copy,
    /// <summary><c>ENTRYPOINT</c></summary>
    Entrypoint,
    /// <summary><c>VOLUME</c></summary>
    Volume,
    /// <summary><c>USER</c></summary>
    User,
    /// <summary><c>WORKDIR</c></summary>
    Workdir,
    /// <summary><c>ARG</c></summary>
    Arg,
    /// <summary><c>ONBUILD</c></summary>
    Onbuild,
    /// <summary><c>STOPSIGNAL</c></summary>
    StopSignal,
    /// <summary><c>HEALTHCHECK</c></summary>
    Healthcheck,
    /// <summary><c>SHELL</c></summary>
    Shell,
}
