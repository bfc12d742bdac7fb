using System.Globalization;
using System.Text;
using EcosystemMarket.Settlement.Model;
using Microsoft.Net.Http.Headers;

namespace EcosystemMarket.Settlement.Apis;

/// <summary>
/// A statement as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break quoted,
/// quotes doubled), for spreadsheets and accounting systems: per currency an opening line, one line per entry, a
/// closing line. Invariant culture throughout: a point for decimals, ISO 8601 UTC times, amounts to the currency's
/// minor unit.
/// </summary>
public static class StatementCsv
{
    public const string MediaType = "text/csv";

    public static readonly string[] Columns =
        ["currency", "line", "booked_at", "account", "amount", "opportunity_id", "counterparty_id", "payable_at", "transaction_key", "entry_id"];

    /// <summary>CSV when <c>format=csv</c>, or when Accept prefers text/csv to JSON.</summary>
    public static bool IsAskedFor(HttpRequest request, string? format)
    {
        if (format is not null)
        {
            return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        }
        var accept = request.GetTypedHeaders().Accept;
        var csv = Quality(accept, MediaType);
        return csv > 0 && csv > Quality(accept, "application/json");
    }

    public static string FileName(Statement statement, string? currency) =>
        $"statement-{statement.From.UtcDateTime:yyyy-MM-dd}-{statement.To.UtcDateTime:yyyy-MM-dd}{(currency is null ? "" : "-" + currency)}.csv";

    public static string Write(Statement statement)
    {
        var csv = new StringBuilder();
        Line(csv, Columns);
        foreach (var currency in statement.Currencies)
        {
            var code = currency.Currency;
            Line(csv, [code, "opening", Time(statement.From), "", Amount(currency.OpeningBalance, code), "", "", "", "", ""]);
            foreach (var e in currency.Entries)
            {
                Line(csv, [code, "entry", Time(e.CreatedAt), e.Account, Amount(e.Amount, code), e.OpportunityId == Guid.Empty ? "" : e.OpportunityId.ToString(),
                    e.CounterpartyPartnerId.ToString(), Time(e.PayableAt), e.TransactionKey, e.Id.ToString()]);
            }
            Line(csv, [code, "closing", Time(statement.To), "", Amount(currency.ClosingBalance, code), "", "", "", "", ""]);
        }
        return csv.ToString();
    }

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static void Line(StringBuilder csv, IEnumerable<string> fields) => csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Amount(decimal amount, string currency) =>
        amount.ToString("F" + Money.MinorUnitDigits(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The quality the client gives a media type, through wildcards too (<c>*/*</c> gives CSV and JSON alike).</summary>
    private static double Quality(IList<MediaTypeHeaderValue> accept, string mediaType)
    {
        var wanted = new MediaTypeHeaderValue(mediaType);
        return accept.Where(wanted.IsSubsetOf).Select(a => a.Quality ?? 1.0).DefaultIfEmpty(0).Max();
    }
}
