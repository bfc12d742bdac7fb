using System.Text.Json;
using EcosystemMarket.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;

namespace EcosystemMarket.UnitTests;

public sealed class Unreadable_requests
{
    [Fact]
    public void A_json_value_of_the_wrong_type_names_its_field_and_not_the_clr_type()
    {
        var json = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Shape>("{\"customer\": {\"size\": \"big\"}}", JsonSerializerOptions.Web));
        var exception = new BadHttpRequestException("Failed to read parameter \"PostOpportunityRequest request\" from the request body as JSON.", 400, json);

        var problem = Assert.IsType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>(RequestReadFailure.Describe(exception));

        Assert.Equal(400, problem.Status);
        var (field, messages) = Assert.Single(problem.Errors);
        Assert.Equal("customer.size", field);
        Assert.DoesNotContain("System.", messages.Single());
        Assert.DoesNotContain("PostOpportunityRequest", problem.Detail + problem.Title);
    }

    [Theory]
    [InlineData("Failed to bind parameter \"int? limit\" from \"abc\".", "limit")]
    [InlineData("Failed to bind parameter \"System.Nullable`1[System.Guid] partnerId\" from \"x\".", "partnerId")]
    [InlineData("Required parameter \"string vendorId\" was not provided from route.", "vendorId")]
    [InlineData("Required parameter \"PostOpportunityRequest request\" was not provided from body.", "body")]
    [InlineData("Implicit body inferred for parameter \"PostOpportunityRequest request\" but no body was provided. Did you mean to use a Service instead?", "body")]
    public void A_parameter_that_does_not_bind_is_named_without_its_type(string message, string field)
    {
        var problem = Assert.IsType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>(RequestReadFailure.Describe(new BadHttpRequestException(message, 400)));

        var (name, messages) = Assert.Single(problem.Errors);
        Assert.Equal(field, name);
        Assert.DoesNotContain("int?", messages.Single());
        Assert.DoesNotContain("System.", messages.Single());
        Assert.DoesNotContain("Request", messages.Single());
    }

    [Fact]
    public void A_framework_message_it_does_not_know_is_not_passed_on()
    {
        var problem = RequestReadFailure.Describe(new BadHttpRequestException("Unexpected System.Text.Json.JsonTokenType in Foo.Bar", 400));

        Assert.Equal(400, problem.Status);
        Assert.Null(problem.Detail);
        Assert.DoesNotContain("System.", problem.Title);
    }

    [Theory]
    [InlineData("$", "body")]
    [InlineData(null, "body")]
    [InlineData("$.needs[0].capability", "needs[0].capability")]
    public void A_json_path_is_the_field_it_names(string? path, string field) => Assert.Equal(field, RequestReadFailure.FieldOf(path));

    private sealed record Shape(Inner? Customer);

    private sealed record Inner(int? Size);
}
