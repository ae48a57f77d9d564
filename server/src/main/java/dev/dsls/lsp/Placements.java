package dev.dsls.lsp;

import com.google.gson.JsonObject;
import dev.dsls.diagnostics.ObjectCheck;
import dev.dsls.inventory.Inventory;
import dev.dsls.language.HoverService;
import dev.dsls.yaml.Position;
import dev.dsls.yaml.YamlFile;
import java.util.List;
import org.eclipse.lsp4j.CodeLens;

final class Placements {
    static List<ObjectCheck> checks(YamlFile file, Inventory inventory) { return List.of(); }
    static JsonObject previewJson(String uri, YamlFile file, Inventory inventory, Position position) { return new JsonObject(); }
    static HoverService.PlacementHover hover(Inventory inventory) { return null; }
    static List<CodeLens> codeLenses(String uri, YamlFile file, Inventory inventory) { return List.of(); }
}
