package vn.trolyso.knowledge.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FrameworkLoaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bundledDataLoadsCompletely() {
        CompetencyFramework f = FrameworkLoader.loadBundled();
        assertEquals(6, f.domainCount());
        assertEquals(24, f.competencyCount());
        assertEquals(8, f.levelCount());
        assertEquals(4, f.tierCount());
        assertTrue(f.provenance().legalBasis().startsWith("Thông tư 02/2025/TT-BGDĐT"));
        assertTrue(f.provenance().guidance().startsWith("Công văn 3456/BGDĐT-GDPT"));
        assertTrue(f.provenance().reliability().contains("CHƯA đối chiếu"));
    }

    @Test
    void invalidJsonIsReported() {
        FrameworkDataException e = assertThrows(FrameworkDataException.class,
                () -> FrameworkLoader.load(new ByteArrayInputStream("{\"source\": ".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void missingDescriptorNamesCompetencyAndLevel() {
        assertFails(root -> competency(root, 3, 1).with("descriptors").remove("3"),
                "domains[3] (miền 4).competencies[1] (4.2).descriptors.\"3\" is missing");
    }

    @Test
    void blankCompetencyNameIsReported() {
        assertFails(root -> competency(root, 0, 0).put("name", " "),
                "domains[0] (miền 1).competencies[0] (1.1).name must be non-empty text");
    }

    @Test
    void missingDomainIsReported() {
        assertFails(root -> ((ArrayNode) root.get("domains")).remove(5), "domains: expected 6 domains, found 5");
    }

    @Test
    void missingCompetencyIsReported() {
        assertFails(root -> ((ArrayNode) root.get("domains").get(2).get("competencies")).remove(3),
                "domains[2] (miền 3).so_nang_luc_thanh_phan: says 4 but lists 3 competencies");
    }

    @Test
    void unmappedGradeIsReported() {
        assertFails(root -> ((ObjectNode) root.get("levels").get(4)).putArray("lop").add(10).add(11),
                "grade 12 is not mapped to any level");
    }

    @Test
    void gradeMappedTwiceIsReported() {
        assertFails(root -> ((ArrayNode) root.get("levels").get(3).get("lop")).add(7),
                "levels[3] (bậc 4).lop: grade 7 is also mapped to bậc 3");
    }

    @Test
    void wrongLevelCountIsReported() {
        assertFails(root -> ((ObjectNode) root.get("cau_truc")).put("so_bac", 7), "cau_truc.so_bac: expected 8, found 7");
    }

    @Test
    void indicatorWithWrongCodeIsReported() {
        assertFails(root -> ((ObjectNode) competency(root, 0, 0).get("chi_bao").get("2").get(0)).put("ma", "1.1.TC1a"),
                "(1.1).chi_bao.\"2\"[0].ma: \"1.1.TC1a\" does not start with \"1.1.CB2\"");
    }

    @Test
    void missingLevelSymbolIsReported() {
        assertFails(root -> ((ObjectNode) root.get("levels").get(2)).remove("ky_hieu"), "levels[2] (bậc 3).ky_hieu is missing");
    }

    @Test
    void unmarkedDescriptorGapIsRejectedButMarkedGapAccepted() {
        // 6.1 level 1 has no descriptor and the data marks it ("bac_1_khong_co"): accepted
        assertTrue(FrameworkLoader.loadBundled().competency("6.1").orElseThrow().descriptor(1).isEmpty());
        assertFails(root -> competency(root, 5, 0).put("trang_thai", "da_doi_chieu_3_ban_tai_dung"),
                "(6.1).descriptors.\"1\" is missing");
    }

    private static ObjectNode competency(ObjectNode root, int domain, int index) {
        return (ObjectNode) root.get("domains").get(domain).get("competencies").get(index);
    }

    private static void assertFails(Consumer<ObjectNode> damage, String expectedMessagePart) {
        ObjectNode root;
        try (InputStream in = FrameworkLoader.class.getResourceAsStream(FrameworkLoader.BUNDLED_RESOURCE)) {
            root = (ObjectNode) JSON.readTree(in);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        damage.accept(root);
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(root);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        FrameworkDataException e = assertThrows(FrameworkDataException.class,
                () -> FrameworkLoader.load(new ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().contains(expectedMessagePart), () -> "message was: " + e.getMessage());
    }
}
