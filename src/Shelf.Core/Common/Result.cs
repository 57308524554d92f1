namespace Shelf.Core.Common;

/// <summary>What kind of expected failure an <see cref="Error"/> is; hosts map it to an exit code or HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>The input is malformed or breaks a rule (bad ISBN, empty title).</summary>
    Invalid,

    /// <summary>The thing asked for does not exist.</summary>
    NotFound,

    /// <summary>The change would duplicate or contradict what is stored.</summary>
    Conflict,

    /// <summary>The database or the file system could not do what was asked.</summary>
    Unavailable,
}

/// <summary>An expected failure: a stable machine-readable code and a one-line message that says what to do.</summary>
public sealed record Error(ErrorKind Kind, string Code, string Message)
{
    public static Error Invalid(string code, string message) => new(ErrorKind.Invalid, code, message);

    public static Error NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);

    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    public static Error Unavailable(string code, string message) => new(ErrorKind.Unavailable, code, message);

    /// <summary>The first of several checks that failed, or null when all passed.</summary>
    public static Error? FirstOf(params Error?[] errors) => errors.FirstOrDefault(e => e is not null);
}

/// <summary>Either a value or an <see cref="Error"/>; use cases return this instead of throwing for expected failures.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Error!.Message}");

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(Error error) => new(default, error);

#pragma warning disable CA2225 // the named factories above are the alternates
    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(Error error) => Fail(error);
#pragma warning restore CA2225
}
