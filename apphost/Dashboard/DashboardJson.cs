using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcosystemMarket.Dashboard;

/// <summary>How the app host and the services write JSON: camelCase, enums as strings.</summary>
public static class DashboardJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
