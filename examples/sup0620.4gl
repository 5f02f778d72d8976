#-------------------------------------------------------------------#
# SISTEMA.: LOGIX - SUPRIMENTOS                                     #
# PROGRAMA: sup0620 - RECEBIMENTO DE NOTAS FISCAIS (exemplo)        #
# LICENÇA.: SYSTEMKEY_SUP registra este programa em SUPREC, o que   #
#           faz a lista do LOG_initApp ser ignorada (R4)            #
#-------------------------------------------------------------------#
DATABASE logix

GLOBALS
   DEFINE p_cod_empresa   LIKE empresa.cod_empresa,
          p_user          LIKE usuario.nom_usuario,
          p_status        SMALLINT
END GLOBALS

DEFINE mr_nf   RECORD
          num_nf        LIKE nf_sup.num_nf,
          ser_nf        LIKE nf_sup.ser_nf,
          cod_fornec    LIKE nf_sup.cod_fornecedor
               END RECORD

#------------------#
 FUNCTION sup0620()
#------------------#
   IF LOG_initApp("ESTOQ,SUPCON") <> 0 THEN
      RETURN
   END IF

   INITIALIZE mr_nf.* TO NULL
   CALL sup0620_recebe()
END FUNCTION

#-------------------------#
 FUNCTION sup0620_recebe()
#-------------------------#
   INPUT BY NAME mr_nf.*
      AFTER FIELD cod_fornec
         IF mr_nf.cod_fornec IS NULL THEN
            ERROR "Fornecedor não informado."
            NEXT FIELD cod_fornec
         END IF
   END INPUT

   IF INT_FLAG THEN
      LET INT_FLAG = FALSE
      RETURN
   END IF

   CALL log003_err_sql("INPUT","nf_sup")
END FUNCTION
