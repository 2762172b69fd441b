namespace ContentHub.Server.Content;

/// <summary>
/// What one keyset page's query reads (<see cref="KeysetPaging.Seek"/>): the sort key and id of the cursor it
/// continues after, and how many rows it reads (one more than the page's size). Members, not constants: each
/// becomes a SQL parameter, in an ordinary query as in a compiled one.
/// </summary>
public interface IKeysetPage<TKey>
{
    TKey AfterKey { get; set; }

    int AfterId { get; set; }

    int Rows { get; set; }
}
