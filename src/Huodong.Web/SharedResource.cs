namespace Huodong.Web;

/// <summary>
/// Marker for the one shared string table (Resources/SharedResource.*.resx). Keys are the English text, so en
/// needs no table and a missing zh-CN entry shows English rather than a key.
/// </summary>
public sealed class SharedResource;
