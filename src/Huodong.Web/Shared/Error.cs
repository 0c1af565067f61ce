namespace Huodong.Web.Shared;

/// <summary>Kinds of expected failure; each maps to one HTTP status (API.md "Errors").</summary>
public enum ErrorKind { Validation, NotFound, Forbidden, Conflict, BusinessRule }

/// <summary>
/// An expected failure as a value. <see cref="Code"/> is stable for clients; <see cref="MessageKey"/> is the
/// English source text looked up in the localised resources; <see cref="Fields"/> names offending fields.
/// </summary>
public sealed record Error(ErrorKind Kind, string Code, string MessageKey, object[]? Args = null,
    IReadOnlyDictionary<string, string[]>? Fields = null)
{
    public static Error Validation(IReadOnlyDictionary<string, string[]> fields) =>
        new(ErrorKind.Validation, "validation", "One or more fields are not valid.", null, fields);

    /// <summary>One field's validation message: the common case of <see cref="Validation"/>.</summary>
    public static Error Field(string field, string message) => Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static Error NotFound(string what) => new(ErrorKind.NotFound, "not-found", "{0} was not found.", [what]);

    public static readonly Error Forbidden = new(ErrorKind.Forbidden, "forbidden", "You are not allowed to do this.");
}

/// <summary>The outcome of a use case: a value, or an <see cref="Error"/>.</summary>
public readonly struct Result<T>
{
    private Result(T? value, Error? error) { Value = value; Error = error; }
    public T? Value { get; }
    public Error? Error { get; }
    public bool IsOk => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);
}

/// <summary>The outcome of an operation that returns nothing but may fail.</summary>
public readonly struct Result
{
    private Result(Error? error) => Error = error;
    public Error? Error { get; }
    public bool IsOk => Error is null;
    public static readonly Result Ok = new(null);
    public static implicit operator Result(Error error) => new(error);
}
