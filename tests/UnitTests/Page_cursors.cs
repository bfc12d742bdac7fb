using EcosystemMarket.ServiceDefaults.Paging;

namespace EcosystemMarket.UnitTests;

public class Page_cursors
{
    [Theory]
    [InlineData("")]
    [InlineData("Contoso Ltd.")]
    [InlineData("2025-06-01T12:00:00.0000000+00:00")]
    [InlineData("Müller & Søn — 東京")]
    public void Decode_to_the_key_and_id_they_were_encoded_from(string key)
    {
        var cursor = new PageCursor(key, Guid.NewGuid());

        Assert.True(PageCursor.TryDecode(cursor.Encode(), out var decoded));
        Assert.Equal(cursor, decoded);
    }

    [Theory]
    [InlineData("!!! not a cursor !!!")]
    [InlineData("abc")]
    [InlineData("bm90LWEtZ3VpZC1hdC1hbGwtYnV0LWxvbmctZW5vdWdoLXRvLXBhc3M")]
    public void Are_rejected_by_validation_when_they_are_not_ones_the_api_returned(string garbage)
    {
        var errors = Paging.Validate(garbage, 10, out var after, out _);

        Assert.Equal(["cursor"], errors.ToDictionary().Keys);
        Assert.Null(after);
    }

    [Fact]
    public void Are_optional_and_the_limit_defaults_when_absent()
    {
        var errors = Paging.Validate(null, null, out var after, out var take);

        Assert.True(errors.IsValid);
        Assert.Null(after);
        Assert.Equal(Paging.DefaultLimit, take);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(Paging.MaxLimit + 1, false)]
    [InlineData(1, true)]
    [InlineData(Paging.MaxLimit, true)]
    public void Come_with_a_limit_between_1_and_the_maximum(int limit, bool valid)
    {
        var cursor = new PageCursor("k", Guid.NewGuid()).Encode();

        var errors = Paging.Validate(cursor, limit, out var after, out var take);

        Assert.Equal(valid ? [] : ["limit"], errors.ToDictionary().Keys);
        Assert.Equal(limit, take);
        Assert.Equal("k", after?.Key);
    }

    [Fact]
    public void Point_at_the_last_item_of_a_page_only_when_more_items_were_fetched_than_the_limit()
    {
        var items = Enumerable.Range(1, 4).Select(i => (Name: $"n{i}", Id: Guid.NewGuid())).ToList();
        static PageCursor CursorOf((string Name, Guid Id) item) => new(item.Name, item.Id);

        var more = Paging.ToPage(items, 3, CursorOf);
        var exact = Paging.ToPage(items.Take(3).ToList(), 3, CursorOf);
        var fewer = Paging.ToPage(items.Take(2).ToList(), 3, CursorOf);

        Assert.Equal(items.Take(3), more.Items);
        Assert.True(PageCursor.TryDecode(more.NextCursor, out var next));
        Assert.Equal(CursorOf(items[2]), next);
        Assert.Equal(items.Take(3), exact.Items);
        Assert.Null(exact.NextCursor);
        Assert.Equal(2, fewer.Items.Count);
        Assert.Null(fewer.NextCursor);
    }
}
