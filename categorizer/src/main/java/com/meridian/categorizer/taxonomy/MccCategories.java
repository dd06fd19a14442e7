package com.meridian.categorizer.taxonomy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Meridian's mapping of ISO 18245 merchant category codes to standard categories, authored for the product
 * from the ISO 18245 list and the card schemes' lists ({@code shared/corpus/taxonomy/mcc}): specific codes
 * first, then the ISO ranges whose meaning is unambiguous (airlines, car rental, lodging, clothing,
 * contractors).
 *
 * <p>Business rule: the MCC only refines; it never overturns the text. A model decision is narrowed to the MCC's
 * category when both fall in the same primary category (the model's "Shopping" on an MCC 5732 becomes
 * {@code GENERAL_MERCHANDISE_ELECTRONICS}); when they disagree the text wins, because acquirers often assign a
 * merchant's MCC coarsely.
 */
public final class MccCategories {

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("0742", "MEDICAL_VETERINARY_SERVICES"),
            Map.entry("4011", "TRANSPORTATION_PUBLIC_TRANSIT"), Map.entry("4111", "TRANSPORTATION_PUBLIC_TRANSIT"),
            Map.entry("4112", "TRANSPORTATION_PUBLIC_TRANSIT"), Map.entry("4131", "TRANSPORTATION_PUBLIC_TRANSIT"),
            Map.entry("4121", "TRANSPORTATION_TAXIS_AND_RIDE_SHARES"), Map.entry("4784", "TRANSPORTATION_TOLLS"),
            Map.entry("4789", "TRANSPORTATION_OTHER_TRANSPORTATION"), Map.entry("7523", "TRANSPORTATION_PARKING"),
            Map.entry("4214", "GENERAL_SERVICES_POSTAGE_AND_SHIPPING"),
            Map.entry("4215", "GENERAL_SERVICES_POSTAGE_AND_SHIPPING"),
            Map.entry("9402", "GENERAL_SERVICES_POSTAGE_AND_SHIPPING"), Map.entry("4225", "GENERAL_SERVICES_STORAGE"),
            Map.entry("4411", "TRAVEL_OTHER_TRAVEL"), Map.entry("4722", "TRAVEL_OTHER_TRAVEL"),
            Map.entry("4511", "TRAVEL_FLIGHTS"), Map.entry("7011", "TRAVEL_LODGING"), Map.entry("7033", "TRAVEL_LODGING"),
            Map.entry("7512", "TRAVEL_RENTAL_CARS"),
            Map.entry("4812", "RENT_AND_UTILITIES_TELEPHONE"), Map.entry("4814", "RENT_AND_UTILITIES_TELEPHONE"),
            Map.entry("4816", "RENT_AND_UTILITIES_INTERNET_AND_CABLE"),
            Map.entry("4899", "RENT_AND_UTILITIES_INTERNET_AND_CABLE"),
            Map.entry("4900", "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY"), Map.entry("6513", "RENT_AND_UTILITIES_RENT"),
            Map.entry("5411", "FOOD_AND_DRINK_GROCERIES"), Map.entry("5499", "FOOD_AND_DRINK_GROCERIES"),
            Map.entry("5422", "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK"), Map.entry("5441", "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK"),
            Map.entry("5451", "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK"), Map.entry("5462", "FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK"),
            Map.entry("5811", "FOOD_AND_DRINK_RESTAURANT"), Map.entry("5812", "FOOD_AND_DRINK_RESTAURANT"),
            Map.entry("5813", "FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR"), Map.entry("5921", "FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR"),
            Map.entry("5814", "FOOD_AND_DRINK_FAST_FOOD"),
            Map.entry("5541", "TRANSPORTATION_GAS"), Map.entry("5542", "TRANSPORTATION_GAS"),
            Map.entry("5983", "TRANSPORTATION_GAS"), Map.entry("5172", "TRANSPORTATION_GAS"),
            Map.entry("5122", "MEDICAL_PHARMACIES_AND_SUPPLEMENTS"), Map.entry("5912", "MEDICAL_PHARMACIES_AND_SUPPLEMENTS"),
            Map.entry("5047", "MEDICAL_OTHER_MEDICAL"), Map.entry("8011", "MEDICAL_PRIMARY_CARE"),
            Map.entry("8062", "MEDICAL_PRIMARY_CARE"), Map.entry("8021", "MEDICAL_DENTAL_CARE"),
            Map.entry("8042", "MEDICAL_EYE_CARE"), Map.entry("8043", "MEDICAL_EYE_CARE"),
            Map.entry("8050", "MEDICAL_NURSING_CARE"), Map.entry("8031", "MEDICAL_OTHER_MEDICAL"),
            Map.entry("8041", "MEDICAL_OTHER_MEDICAL"), Map.entry("8049", "MEDICAL_OTHER_MEDICAL"),
            Map.entry("8071", "MEDICAL_OTHER_MEDICAL"), Map.entry("8099", "MEDICAL_OTHER_MEDICAL"),
            Map.entry("5300", "GENERAL_MERCHANDISE_SUPERSTORES"), Map.entry("5310", "GENERAL_MERCHANDISE_DISCOUNT_STORES"),
            Map.entry("5331", "GENERAL_MERCHANDISE_DISCOUNT_STORES"), Map.entry("5311", "GENERAL_MERCHANDISE_DEPARTMENT_STORES"),
            Map.entry("5399", "GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE"),
            Map.entry("5094", "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES"),
            Map.entry("5944", "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES"),
            Map.entry("5045", "GENERAL_MERCHANDISE_ELECTRONICS"), Map.entry("5732", "GENERAL_MERCHANDISE_ELECTRONICS"),
            Map.entry("5734", "GENERAL_MERCHANDISE_ELECTRONICS"), Map.entry("5946", "GENERAL_MERCHANDISE_ELECTRONICS"),
            Map.entry("5942", "GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS"),
            Map.entry("5994", "GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS"),
            Map.entry("5111", "GENERAL_MERCHANDISE_OFFICE_SUPPLIES"), Map.entry("5943", "GENERAL_MERCHANDISE_OFFICE_SUPPLIES"),
            Map.entry("5941", "GENERAL_MERCHANDISE_SPORTING_GOODS"), Map.entry("5995", "GENERAL_MERCHANDISE_PET_SUPPLIES"),
            Map.entry("5993", "GENERAL_MERCHANDISE_TOBACCO_AND_VAPE"), Map.entry("5947", "GENERAL_MERCHANDISE_GIFTS_AND_NOVELTIES"),
            Map.entry("5262", "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES"),
            Map.entry("5200", "HOME_IMPROVEMENT_HARDWARE"), Map.entry("5211", "HOME_IMPROVEMENT_HARDWARE"),
            Map.entry("5231", "HOME_IMPROVEMENT_HARDWARE"), Map.entry("5251", "HOME_IMPROVEMENT_HARDWARE"),
            Map.entry("5261", "HOME_IMPROVEMENT_HARDWARE"), Map.entry("5712", "HOME_IMPROVEMENT_FURNITURE"),
            Map.entry("5713", "HOME_IMPROVEMENT_FURNITURE"), Map.entry("5714", "HOME_IMPROVEMENT_FURNITURE"),
            Map.entry("5719", "HOME_IMPROVEMENT_FURNITURE"), Map.entry("7623", "HOME_IMPROVEMENT_REPAIR_AND_MAINTENANCE"),
            Map.entry("7629", "HOME_IMPROVEMENT_REPAIR_AND_MAINTENANCE"),
            Map.entry("7641", "HOME_IMPROVEMENT_REPAIR_AND_MAINTENANCE"),
            Map.entry("6010", "TRANSFER_OUT_WITHDRAWAL"), Map.entry("6011", "TRANSFER_OUT_WITHDRAWAL"),
            Map.entry("4829", "TRANSFER_OUT_ACCOUNT_TRANSFER"), Map.entry("6051", "TRANSFER_OUT_OTHER_TRANSFER_OUT"),
            Map.entry("6540", "TRANSFER_OUT_OTHER_TRANSFER_OUT"),
            Map.entry("6211", "TRANSFER_OUT_INVESTMENT_AND_RETIREMENT_FUNDS"),
            Map.entry("6300", "GENERAL_SERVICES_INSURANCE"), Map.entry("5960", "GENERAL_SERVICES_INSURANCE"),
            Map.entry("7210", "PERSONAL_CARE_LAUNDRY_AND_DRY_CLEANING"), Map.entry("7211", "PERSONAL_CARE_LAUNDRY_AND_DRY_CLEANING"),
            Map.entry("7216", "PERSONAL_CARE_LAUNDRY_AND_DRY_CLEANING"), Map.entry("7230", "PERSONAL_CARE_HAIR_AND_BEAUTY"),
            Map.entry("7297", "PERSONAL_CARE_OTHER_PERSONAL_CARE"), Map.entry("7298", "PERSONAL_CARE_OTHER_PERSONAL_CARE"),
            Map.entry("7997", "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS"),
            Map.entry("7832", "ENTERTAINMENT_TV_AND_MOVIES"), Map.entry("7841", "ENTERTAINMENT_TV_AND_MOVIES"),
            Map.entry("7929", "ENTERTAINMENT_MUSIC_AND_AUDIO"), Map.entry("5733", "ENTERTAINMENT_MUSIC_AND_AUDIO"),
            Map.entry("7922", "ENTERTAINMENT_OTHER_ENTERTAINMENT"),
            Map.entry("7941", "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS"),
            Map.entry("7991", "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS"),
            Map.entry("7996", "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS"),
            Map.entry("7998", "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS"),
            Map.entry("7999", "ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS"),
            Map.entry("7800", "ENTERTAINMENT_CASINOS_AND_GAMBLING"), Map.entry("7801", "ENTERTAINMENT_CASINOS_AND_GAMBLING"),
            Map.entry("7802", "ENTERTAINMENT_CASINOS_AND_GAMBLING"), Map.entry("7995", "ENTERTAINMENT_CASINOS_AND_GAMBLING"),
            Map.entry("7994", "ENTERTAINMENT_VIDEO_GAMES"), Map.entry("5816", "ENTERTAINMENT_VIDEO_GAMES"),
            Map.entry("5013", "GENERAL_SERVICES_AUTOMOTIVE"), Map.entry("5511", "GENERAL_SERVICES_AUTOMOTIVE"),
            Map.entry("5521", "GENERAL_SERVICES_AUTOMOTIVE"), Map.entry("5531", "GENERAL_SERVICES_AUTOMOTIVE"),
            Map.entry("5532", "GENERAL_SERVICES_AUTOMOTIVE"), Map.entry("5533", "GENERAL_SERVICES_AUTOMOTIVE"),
            Map.entry("5571", "GENERAL_SERVICES_AUTOMOTIVE"),
            Map.entry("8211", "GENERAL_SERVICES_EDUCATION"), Map.entry("8220", "GENERAL_SERVICES_EDUCATION"),
            Map.entry("8241", "GENERAL_SERVICES_EDUCATION"), Map.entry("8244", "GENERAL_SERVICES_EDUCATION"),
            Map.entry("8249", "GENERAL_SERVICES_EDUCATION"), Map.entry("8299", "GENERAL_SERVICES_EDUCATION"),
            Map.entry("8351", "GENERAL_SERVICES_CHILDCARE"), Map.entry("8111", "GENERAL_SERVICES_CONSULTING_AND_LEGAL"),
            Map.entry("7392", "GENERAL_SERVICES_CONSULTING_AND_LEGAL"),
            Map.entry("8931", "GENERAL_SERVICES_ACCOUNTING_AND_FINANCIAL_PLANNING"),
            Map.entry("7276", "GENERAL_SERVICES_ACCOUNTING_AND_FINANCIAL_PLANNING"),
            Map.entry("8398", "GOVERNMENT_AND_NON_PROFIT_DONATIONS"), Map.entry("8661", "GOVERNMENT_AND_NON_PROFIT_DONATIONS"),
            Map.entry("8651", "GOVERNMENT_AND_NON_PROFIT_OTHER_GOVERNMENT_AND_NON_PROFIT"),
            Map.entry("9211", "GOVERNMENT_AND_NON_PROFIT_GOVERNMENT_DEPARTMENTS_AND_AGENCIES"),
            Map.entry("9222", "GOVERNMENT_AND_NON_PROFIT_GOVERNMENT_DEPARTMENTS_AND_AGENCIES"),
            Map.entry("9223", "GOVERNMENT_AND_NON_PROFIT_GOVERNMENT_DEPARTMENTS_AND_AGENCIES"),
            Map.entry("9399", "GOVERNMENT_AND_NON_PROFIT_GOVERNMENT_DEPARTMENTS_AND_AGENCIES"),
            Map.entry("9405", "GOVERNMENT_AND_NON_PROFIT_GOVERNMENT_DEPARTMENTS_AND_AGENCIES"),
            Map.entry("9311", "GOVERNMENT_AND_NON_PROFIT_TAX_PAYMENT"));

    /** ISO 18245 ranges whose every code means the same category (first match wins). */
    private static final List<Range> RANGES = List.of(
            new Range(1500, 2999, "HOME_IMPROVEMENT_REPAIR_AND_MAINTENANCE"),
            new Range(3000, 3350, "TRAVEL_FLIGHTS"),
            new Range(3351, 3500, "TRAVEL_RENTAL_CARS"),
            new Range(3501, 3999, "TRAVEL_LODGING"),
            new Range(5600, 5699, "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES"),
            new Range(7531, 7549, "GENERAL_SERVICES_AUTOMOTIVE"));

    private static final List<String> PRIMARIES = List.of("INCOME", "TRANSFER_IN", "TRANSFER_OUT", "LOAN_PAYMENTS",
            "BANK_FEES", "ENTERTAINMENT", "FOOD_AND_DRINK", "GENERAL_MERCHANDISE", "HOME_IMPROVEMENT", "MEDICAL",
            "PERSONAL_CARE", "GENERAL_SERVICES", "GOVERNMENT_AND_NON_PROFIT", "TRANSPORTATION", "TRAVEL",
            "RENT_AND_UTILITIES");

    private MccCategories() {
    }

    /** The standard category of {@code mcc}, if Meridian maps it. */
    public static Optional<String> category(String mcc) {
        if (mcc == null || mcc.length() != 4) {
            return Optional.empty();
        }
        String code = CODES.get(mcc);
        if (code != null) {
            return Optional.of(code);
        }
        int value;
        try {
            value = Integer.parseInt(mcc);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return RANGES.stream().filter(r -> value >= r.from() && value <= r.to()).map(Range::code).findFirst();
    }

    /** {@code modelCode}, narrowed to the MCC's category when both share a primary category. */
    public static String refine(String modelCode, String mcc) {
        return category(mcc).filter(mccCode -> primary(mccCode).equals(primary(modelCode))).orElse(modelCode);
    }

    /** The primary category a standard code belongs to (the longest primary it starts with). */
    public static String primary(String code) {
        String best = code;
        int length = 0;
        for (String primary : PRIMARIES) {
            if (code.startsWith(primary) && primary.length() > length
                    && (code.length() == primary.length() || code.charAt(primary.length()) == '_')) {
                best = primary;
                length = primary.length();
            }
        }
        return best;
    }

    private record Range(int from, int to, String code) {
    }
}
