using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace EcosystemMarket.ServiceDefaults.Problems;

/// <summary>
/// A request the framework could not read, as a problem that names the field at fault and never a .NET type: the
/// framework's messages ("Failed to bind parameter "int? limit"", "could not be converted to System.Decimal") are read,
/// not passed on.
/// </summary>
public static partial class RequestReadFailure
{
    public const string Title = "The request could not be read.";

    public static ProblemDetails Describe(BadHttpRequestException exception)
    {
        var status = exception.StatusCode;
        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(status, $"The request body is larger than the limit of {Microsoft.Extensions.Hosting.Extensions.MaxRequestBodyBytes} bytes.");
        }
        if (status == StatusCodes.Status415UnsupportedMediaType)
        {
            return Problem(status, "The body must be JSON, sent with 'Content-Type: application/json'.");
        }
        if (exception.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            var problem = Invalid(field, field == Body
                ? "The body must be a JSON object of the fields this operation reads."
                : $"'{field}' is malformed or not of the expected type (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).");
            problem.Detail = "The body is not the JSON this operation reads: 'errors' names the field at fault.";
            return problem;
        }
        if (BindFailure().Match(exception.Message) is { Success: true } bind)
        {
            return Invalid(bind.Groups["name"].Value, $"'{bind.Groups["name"].Value}' is not in the expected format.");
        }
        if (MissingParameter().Match(exception.Message) is { Success: true } missing)
        {
            return missing.Groups["source"].Value == "body" ? Invalid(Body, "A JSON body is required.")
                : Invalid(missing.Groups["name"].Value, $"'{missing.Groups["name"].Value}' is required.");
        }
        if (exception.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal))
        {
            return Invalid(Body, "A JSON body is required.");
        }
        return Problem(status, null);
    }

    private const string Body = "body";

    /// <summary>"$.needs[0].capability" is the field "needs[0].capability"; "$" is the body as a whole.</summary>
    public static string FieldOf(string? path) =>
        path is null or "$" || !path.StartsWith("$.", StringComparison.Ordinal) ? Body : path[2..];

    private static ProblemDetails Problem(int status, string? detail) => new() { Status = status, Title = Title, Detail = detail };

    private static HttpValidationProblemDetails Invalid(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] })
    {
        Status = StatusCodes.Status400BadRequest,
        Title = Title,
        Detail = field == Body ? "The body is not the JSON this operation reads." : $"'{field}' could not be read: 'errors' says why.",
    };

    // RequestDelegateFactory's messages: 'Failed to bind parameter "{type} {name}" from "{value}".'
    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[^ \"]+)\" from \"", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    // 'Required parameter "{type} {name}" was not provided from {source}.'
    [GeneratedRegex("^Required parameter \"(?<type>.+) (?<name>[^ \"]+)\" was not provided from (?<source>[^.]+)\\.", RegexOptions.Singleline)]
    private static partial Regex MissingParameter();
}
